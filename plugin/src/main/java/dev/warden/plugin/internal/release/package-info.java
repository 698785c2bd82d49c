/**
 * Delivering approved comments to the site: the release outbox worker
 * ({@link dev.warden.plugin.internal.release.ReleaseOutbox}), the signed HTTP replay
 * ({@link dev.warden.plugin.internal.release.HttpReplayReleaser}) and its header
 * ({@link dev.warden.plugin.internal.release.ReleaseSignature}), and the choice between the replay and a site's own
 * {@link dev.warden.plugin.spi.CommentReleaser} ({@link dev.warden.plugin.internal.release.ReleaserFactory}).
 */
package dev.warden.plugin.internal.release;
