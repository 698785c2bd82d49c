package dev.warden.plugin;

/** A bad value in warden.yaml; the message names the key, so start-up fails with a clear reason. */
public class WardenConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public WardenConfigException(String key, String value, String problem) {
    super("warden config: " + key + (value == null ? "" : " = '" + value + "'") + " " + problem);
    this.key = key;
  }

  public WardenConfigException(String key, String problem, Throwable cause) {
    super("warden config: " + key + " " + problem, cause);
    this.key = key;
  }

  /** The configuration key that was wrong, e.g. {@code release.secret}. */
  public String key() {
    return key;
  }
}
