package dev.warden.plugin.internal.release;

import dev.warden.plugin.ReleaseConfig;
import dev.warden.plugin.WardenConfigException;
import dev.warden.plugin.spi.CommentReleaser;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Chooses the releaser for {@code release.strategy}: the signed HTTP replay, or exactly one site-provided SPI. */
public final class ReleaserFactory {
  static final String SERVICE_FILE = "META-INF/services/" + CommentReleaser.class.getName();

  private ReleaserFactory() {}

  /**
   * The releaser the configuration asks for.
   *
   * @param classLoader where to look for a site's {@link CommentReleaser} (the web application's loader)
   * @throws WardenConfigException for {@code spi} when there is not exactly one provider, or it cannot be made
   */
  public static CommentReleaser create(ReleaseConfig config, ClassLoader classLoader) {
    return "spi".equals(config.strategy()) ? loadOne(classLoader) : new HttpReplayReleaser(config);
  }

  /** The one {@link CommentReleaser} registered with {@link ServiceLoader}; none or several is an error. */
  static CommentReleaser loadOne(ClassLoader classLoader) {
    try {
      List<ServiceLoader.Provider<CommentReleaser>> providers =
          ServiceLoader.load(CommentReleaser.class, classLoader).stream().collect(Collectors.toList());
      if (providers.isEmpty()) {
        throw new WardenConfigException("release.strategy", "spi",
            "needs a CommentReleaser, but none is registered: add " + SERVICE_FILE + " naming your class");
      }
      if (providers.size() > 1) {
        String names = providers.stream().map(p -> p.type().getName()).collect(Collectors.joining(", "));
        throw new WardenConfigException("release.strategy", "spi",
            "needs exactly one CommentReleaser, but " + providers.size() + " are registered: " + names);
      }
      return providers.get(0).get();
    } catch (ServiceConfigurationError e) {
      throw new WardenConfigException("release.strategy",
          "cannot load the CommentReleaser named in " + SERVICE_FILE + ": " + e.getMessage(), e);
    }
  }
}
