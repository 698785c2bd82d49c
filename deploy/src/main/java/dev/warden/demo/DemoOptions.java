package dev.warden.demo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the demo.
 *
 * @param host the address to bind; {@code 0.0.0.0} (all interfaces) by default
 * @param port the port; 0 picks a free one
 * @param dataDir where the site's comments, Warden's H2 store, warden.yaml and release.secret live
 * @param warden false to run the bare site without writing a Warden config (compare with and without)
 * @param moderatorPassword the demo moderator's password; null means env {@code WARDEN_DEMO_PASSWORD} or random
 */
public record DemoOptions(String host, int port, Path dataDir, boolean warden, String moderatorPassword) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final Path DEFAULT_DATA_DIR = Path.of("warden-data");

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
  }

  /** The defaults: all interfaces, port 8080, ./warden-data, with Warden. */
  public static DemoOptions defaults() {
    return new DemoOptions(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATA_DIR, true, null);
  }

  public DemoOptions withHost(String newHost) {
    return new DemoOptions(newHost, port, dataDir, warden, moderatorPassword);
  }

  public DemoOptions withPort(int newPort) {
    return new DemoOptions(host, newPort, dataDir, warden, moderatorPassword);
  }

  public DemoOptions withDataDir(Path newDataDir) {
    return new DemoOptions(host, port, newDataDir, warden, moderatorPassword);
  }

  public DemoOptions withWarden(boolean enabled) {
    return new DemoOptions(host, port, dataDir, enabled, moderatorPassword);
  }

  public DemoOptions withModeratorPassword(String password) {
    return new DemoOptions(host, port, dataDir, warden, password);
  }

  /**
   * Parses {@code [--host H] [--port N] [--data-dir DIR] [--no-warden]}.
   *
   * @throws IllegalArgumentException naming the bad argument
   */
  public static DemoOptions parse(String... args) {
    DemoOptions options = defaults();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--host" -> options = options.withHost(value(args, ++i, arg));
        case "--port" -> options = options.withPort(parsePort(value(args, ++i, arg)));
        case "--data-dir" -> options = options.withDataDir(Path.of(value(args, ++i, arg)));
        case "--no-warden" -> options = options.withWarden(false);
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

  @Override
  public String toString() {
    return "DemoOptions[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", warden=" + warden + "]";
  }
}
