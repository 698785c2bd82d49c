package dev.warden.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Writes the demo's {@code warden.yaml} from the template resource {@code demo-warden.yaml}. The release secret
 * is generated once and kept in {@code <data-dir>/release.secret}, so approvals made before a restart can still
 * be delivered after it. Both files hold secrets and are made readable by the owner only.
 */
final class DemoWardenConfig {
  static final String TEMPLATE = "demo-warden.yaml";
  static final String FILE_NAME = "warden.yaml";
  static final String SECRET_FILE = "release.secret";

  private final SecureRandom random;

  DemoWardenConfig(SecureRandom random) {
    this.random = random;
  }

  /**
   * Writes {@code <dataDir>/warden.yaml} for a single node on H2 in the data directory, replaying to itself.
   *
   * @param releaseHost the host the release replay reaches the site on (loopback for a wildcard bind)
   * @param passwordHash the moderator's {@code pbkdf2-sha256$...} hash
   */
  Path write(Path dataDir, String releaseHost, int port, String passwordHash) throws IOException {
    return write(dataDir, null, URI.create("http://" + releaseHost + ":" + port),
        DemoOptions.DEFAULT_RELEASE_LEASE, passwordHash);
  }

  /**
   * Writes {@code <dataDir>/warden.yaml} and returns its path.
   *
   * @param storeUrl Warden's store, or null for H2 in the data directory
   * @param releaseTarget where approved comments are replayed
   * @param lease the delivery claim's lease; the replay's timeout is a third of it, at most 10 s
   * @param passwordHash the moderator's {@code pbkdf2-sha256$...} hash
   */
  Path write(Path dataDir, String storeUrl, URI releaseTarget, Duration lease, String passwordHash)
      throws IOException {
    return write(dataDir, storeUrl, releaseTarget, lease, passwordHash, null);
  }

  /**
   * Writes {@code <dataDir>/warden.yaml} with the YAML in {@code overrides} (if not null) merged over the
   * template's values, and returns its path.
   */
  Path write(Path dataDir, String storeUrl, URI releaseTarget, Duration lease, String passwordHash, Path overrides)
      throws IOException {
    String dir = dataDir.toString().replace('\\', '/');
    long timeout = Math.max(1, Math.min(10, lease.toSeconds() / 3));
    String yaml = template();
    Map<String, String> values = Map.of(
        "@DATA_DIR@", dir,
        "@STORE_URL@", storeUrl != null ? storeUrl : "jdbc:h2:file:" + dir + "/warden",
        "@RELEASE_TARGET@", releaseTarget.toString(),
        "@RELEASE_LEASE@", lease.toSeconds() + "s",
        "@REQUEST_TIMEOUT@", timeout + "s",
        "@RELEASE_SECRET@", releaseSecret(dataDir),
        "@PASSWORD_HASH@", passwordHash);
    for (Map.Entry<String, String> e : values.entrySet()) {
      yaml = yaml.replace(e.getKey(), quoted(e.getValue()));
    }
    if (overrides != null) {
      yaml = ConfigOverlay.apply(yaml, overrides);
    }
    Path file = dataDir.resolve(FILE_NAME);
    writePrivate(file, yaml);
    return file;
  }

  /** The secret in {@code release.secret}, created on first use. */
  String releaseSecret(Path dataDir) throws IOException {
    Path file = dataDir.resolve(SECRET_FILE);
    if (Files.exists(file)) {
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (secret.length() >= 32) {
        return secret;
      }
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    writePrivate(file, secret + "\n");
    return secret;
  }

  /** A random password a person can type: 16 characters of URL-safe base64. */
  String randomPassword() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String template() {
    try (InputStream in = DemoWardenConfig.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template puts every value inside double quotes; escape what would end or break them. */
  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void writePrivate(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
