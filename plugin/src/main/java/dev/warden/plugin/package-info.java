/**
 * What a site installs: {@link dev.warden.plugin.ModerationFilter}, its configuration
 * ({@link dev.warden.plugin.WardenConfig}, loaded from {@code warden.yaml}) and the runtime
 * ({@link dev.warden.plugin.Warden}) that the filter and the admin UI share.
 */
package dev.warden.plugin;
