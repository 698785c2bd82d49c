package dev.warden.plugin;

/**
 * Request limits ({@code limits:} in warden.yaml).
 *
 * @param maxBody the largest comment submission body accepted, in bytes; larger ones get 413
 */
public record LimitsConfig(long maxBody) {
  /** The largest {@code max-body} allowed: the filter buffers bodies in memory. */
  public static final long MAX_BODY_CEILING = 16L * 1024 * 1024;

  public LimitsConfig {
    if (maxBody < 1 || maxBody > MAX_BODY_CEILING) {
      throw new WardenConfigException("limits.max-body", String.valueOf(maxBody), "must be between 1B and 16MiB");
    }
  }
}
