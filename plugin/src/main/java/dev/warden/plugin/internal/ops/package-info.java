/**
 * What operators see of a running Warden: the health check ({@code /warden/health}), the Prometheus meters
 * ({@code /warden/metrics}) and the log context ({@code warden.request}, {@code warden.comment} in the SLF4J MDC).
 */
package dev.warden.plugin.internal.ops;
