package dev.warden.demo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * How to run the demo.
 *
 * @param host the address to bind; {@code 0.0.0.0} (all interfaces) by default
 * @param port the port; 0 picks a free one
 * @param dataDir where the site's comments, warden.yaml and release.secret live (and Warden's H2 store, unless
 *     {@code storeUrl} names another database)
 * @param warden false to run the bare site without writing a Warden config (compare with and without)
 * @param moderatorPassword the demo moderator's password; null means env {@code WARDEN_DEMO_PASSWORD} or random
 * @param storeUrl Warden's store ({@code store.url}), e.g. a PostgreSQL URL shared by several demo nodes; null
 *     means env {@code WARDEN_STORE_URL}, else H2 in the data directory
 * @param releaseTarget where approved comments are replayed ({@code release.target}); null means this node itself
 * @param releaseLease how long a node holds a delivery claim ({@code release.lease}); null means 30 s
 * @param wardenOverrides a YAML file merged over the generated warden.yaml (e.g. to try other throttle limits or
 *     to switch the surge detector off for a benchmark); null for none
 */
public record DemoOptions(String host, int port, Path dataDir, boolean warden, String moderatorPassword,
    String storeUrl, URI releaseTarget, Duration releaseLease, Path wardenOverrides) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final Path DEFAULT_DATA_DIR = Path.of("warden-data");
  public static final Duration DEFAULT_RELEASE_LEASE = Duration.ofSeconds(30);
  /** The environment variable with Warden's store URL, used when {@code --store-url} is not given. */
  public static final String STORE_URL_ENV = "WARDEN_STORE_URL";

  public DemoOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("--host must not be empty");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
    }
    dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
    if (moderatorPassword != null && moderatorPassword.length() < 8) {
      throw new IllegalArgumentException("the moderator password must be at least 8 characters");
    }
    if (storeUrl != null && !storeUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("--store-url must be a JDBC URL (jdbc:postgresql://...), was " + storeUrl);
    }
    if (releaseTarget != null && !("http".equals(releaseTarget.getScheme())
        || "https".equals(releaseTarget.getScheme()))) {
      throw new IllegalArgumentException("--release-target must be an http(s) URL, was " + releaseTarget);
    }
    if (releaseLease != null && releaseLease.compareTo(Duration.ofSeconds(2)) < 0) {
      throw new IllegalArgumentException("--release-lease must be at least 2s, was " + releaseLease);
    }
    if (wardenOverrides != null) {
      wardenOverrides = wardenOverrides.toAbsolutePath().normalize();
      if (!Files.isRegularFile(wardenOverrides)) {
        throw new IllegalArgumentException("--warden-overrides must name a YAML file, was " + wardenOverrides);
      }
    }
  }

  /** The defaults: all interfaces, port 8080, ./warden-data, with Warden, on H2. */
  public static DemoOptions defaults() {
    return new DemoOptions(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATA_DIR, true, null, null, null, null, null);
  }

  public DemoOptions withHost(String newHost) {
    return new DemoOptions(newHost, port, dataDir, warden, moderatorPassword, storeUrl, releaseTarget, releaseLease,
        wardenOverrides);
  }

  public DemoOptions withPort(int newPort) {
    return new DemoOptions(host, newPort, dataDir, warden, moderatorPassword, storeUrl, releaseTarget, releaseLease,
        wardenOverrides);
  }

  public DemoOptions withDataDir(Path newDataDir) {
    return new DemoOptions(host, port, newDataDir, warden, moderatorPassword, storeUrl, releaseTarget,
        releaseLease, wardenOverrides);
  }

  public DemoOptions withWarden(boolean enabled) {
    return new DemoOptions(host, port, dataDir, enabled, moderatorPassword, storeUrl, releaseTarget, releaseLease,
        wardenOverrides);
  }

  public DemoOptions withModeratorPassword(String password) {
    return new DemoOptions(host, port, dataDir, warden, password, storeUrl, releaseTarget, releaseLease,
        wardenOverrides);
  }

  public DemoOptions withStoreUrl(String url) {
    return new DemoOptions(host, port, dataDir, warden, moderatorPassword, url, releaseTarget, releaseLease,
        wardenOverrides);
  }

  public DemoOptions withReleaseTarget(URI target) {
    return new DemoOptions(host, port, dataDir, warden, moderatorPassword, storeUrl, target, releaseLease,
        wardenOverrides);
  }

  public DemoOptions withReleaseLease(Duration lease) {
    return new DemoOptions(host, port, dataDir, warden, moderatorPassword, storeUrl, releaseTarget, lease,
        wardenOverrides);
  }

  public DemoOptions withWardenOverrides(Path file) {
    return new DemoOptions(host, port, dataDir, warden, moderatorPassword, storeUrl, releaseTarget, releaseLease,
        file);
  }

  /** The lease to configure: the option, else {@link #DEFAULT_RELEASE_LEASE}. */
  public Duration releaseLeaseOrDefault() {
    return releaseLease != null ? releaseLease : DEFAULT_RELEASE_LEASE;
  }

  /**
   * Parses {@code [--host H] [--port N] [--data-dir DIR] [--no-warden] [--store-url JDBC-URL]
   * [--release-target URL] [--release-lease 30s] [--warden-overrides FILE]}. Without {@code --store-url}, env
   * {@value #STORE_URL_ENV} is used if set.
   *
   * @throws IllegalArgumentException naming the bad argument
   */
  public static DemoOptions parse(String... args) {
    String fromEnv = System.getenv(STORE_URL_ENV);
    DemoOptions options = defaults().withStoreUrl(fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip());
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--host" -> options = options.withHost(value(args, ++i, arg));
        case "--port" -> options = options.withPort(parsePort(value(args, ++i, arg)));
        case "--data-dir" -> options = options.withDataDir(Path.of(value(args, ++i, arg)));
        case "--no-warden" -> options = options.withWarden(false);
        case "--store-url" -> options = options.withStoreUrl(value(args, ++i, arg));
        case "--release-target" -> options = options.withReleaseTarget(parseUri(value(args, ++i, arg), arg));
        case "--release-lease" -> options = options.withReleaseLease(parseSeconds(value(args, ++i, arg), arg));
        case "--warden-overrides" -> options = options.withWardenOverrides(Path.of(value(args, ++i, arg)));
        default -> throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    return options;
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  private static int parsePort(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, was " + s);
    }
  }

  private static URI parseUri(String s, String name) {
    try {
      return URI.create(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be a URL, was " + s);
    }
  }

  /** Whole seconds as {@code 30s}, or an ISO-8601 duration ({@code PT30S}). */
  private static Duration parseSeconds(String s, String name) {
    try {
      return s.matches("\\d{1,6}s") ? Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)))
          : Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a duration such as 30s, was " + s);
    }
  }

  @Override
  public String toString() {
    // The store URL may carry a password, so it is not shown.
    return "DemoOptions[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", warden=" + warden
        + ", store=" + (storeUrl == null ? "h2" : "external") + "]";
  }
}
