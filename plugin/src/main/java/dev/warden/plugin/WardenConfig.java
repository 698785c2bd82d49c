package dev.warden.plugin;

import java.nio.file.Path;

/**
 * The whole validated, immutable configuration, loaded once from {@code warden.yaml} over bundled defaults.
 * (Skeleton: the plugin work fills in endpoints, articles, policies, limits, network, models.)
 */
public final class WardenConfig {

  /** Loads and validates a config file over the bundled defaults. */
  public static WardenConfig load(Path file) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Parses and validates YAML text over the bundled defaults (for tests and embedding). */
  public static WardenConfig parse(String yaml) {
    throw new UnsupportedOperationException("not yet");
  }

  public StoreConfig store() {
    throw new UnsupportedOperationException("not yet");
  }

  public ReleaseConfig release() {
    throw new UnsupportedOperationException("not yet");
  }

  public AdminConfig admin() {
    throw new UnsupportedOperationException("not yet");
  }
}
