package dev.warden.plugin.policy;

/**
 * A change was based on a version that is not the latest any more: another publisher (possibly on another node)
 * saved a version in between. Nothing was stored; the caller should reload and decide again.
 */
public class VersionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long baseVersion;
  private final long latestVersion;

  public VersionConflictException(long baseVersion, long latestVersion) {
    super("the settings were changed meanwhile: the change is based on version " + baseVersion
        + " but the latest is version " + latestVersion);
    this.baseVersion = baseVersion;
    this.latestVersion = latestVersion;
  }

  /** The version the rejected change was based on. */
  public long baseVersion() {
    return baseVersion;
  }

  /** The latest version when the change was refused. */
  public long latestVersion() {
    return latestVersion;
  }
}
