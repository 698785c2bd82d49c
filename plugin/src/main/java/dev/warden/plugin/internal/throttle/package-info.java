/**
 * The default, in-memory {@link dev.warden.plugin.throttle.ThrottlePolicy}: {@link
 * dev.warden.plugin.internal.throttle.CaffeineThrottle}. Per-poster, per-text and per-article state lives in bounded
 * Caffeine caches whose time comes from an injected {@link com.github.benmanes.caffeine.cache.Ticker}; each entry is
 * mutated under its own monitor, so there is no global lock on the request path. In shared mode
 * ({@link dev.warden.plugin.internal.throttle.RedisCounts}) the per-poster and per-address allowances are also kept in
 * Redis, with a local fallback when it is unreachable.
 */
package dev.warden.plugin.internal.throttle;
