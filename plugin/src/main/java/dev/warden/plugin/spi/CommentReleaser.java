package dev.warden.plugin.spi;

import dev.warden.plugin.store.ReleaseClaim;

/**
 * Delivers an approved comment into the site's own comment system. The default replays the original submission
 * to the site over loopback HTTP with a signed header; a site may instead provide its own implementation through
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.warden.plugin.spi.CommentReleaser} file) and
 * {@code release.strategy: spi}.
 *
 * <p>Implementations must be thread-safe and must have a public no-argument constructor when loaded by
 * {@code ServiceLoader}.
 */
public interface CommentReleaser {

  /**
   * Delivers one comment.
   *
   * @param claim the claimed comment, with its single-use release nonce
   * @throws Exception if delivery failed; the outbox retries with backoff
   */
  void deliver(ReleaseClaim claim) throws Exception;
}
