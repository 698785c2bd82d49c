package dev.warden.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and verifies admin passwords as {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}
 * (PBKDF2WithHmacSHA256 from the JDK, {@value #ITERATIONS} iterations, 16-byte random salt, 32-byte hash).
 *
 * <p>Operators create the {@code admin.users[].password-hash} values with {@link #main}: it reads a password from
 * the console (or one line from stdin) and prints the hash. Thread-safe; stateless.
 */
public final class PasswordHasher {
  /** Iterations used for new hashes (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256). */
  public static final int ITERATIONS = 210_000;

  private static final String PREFIX = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  // Bounds for hashes read from config: a typo must not make every login take minutes.
  private static final int MIN_ITERATIONS = 1_000;
  private static final int MAX_ITERATIONS = 10_000_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  /** Hashes a password with a fresh random salt. The caller may clear {@code password} afterwards. */
  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, ITERATIONS, HASH_BYTES);
    Base64.Encoder b64 = Base64.getEncoder();
    return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  /**
   * True if {@code password} matches {@code encoded}; compares in constant time. A malformed hash never matches.
   */
  public static boolean verify(char[] password, String encoded) {
    Parsed parsed = parse(encoded);
    if (parsed == null) {
      return false;
    }
    byte[] actual = pbkdf2(password, parsed.salt, parsed.iterations, parsed.hash.length);
    return MessageDigest.isEqual(actual, parsed.hash);
  }

  /** True if {@code encoded} is a well-formed hash this class can verify. */
  public static boolean isWellFormed(String encoded) {
    return parse(encoded) != null;
  }

  /**
   * Prints the hash of a password read from the console (asked twice), or of the first line of stdin when there
   * is no console (e.g. {@code echo -n secret | java ... PasswordHasher}).
   */
  public static void main(String[] args) throws IOException {
    char[] password = readPassword();
    if (password == null || password.length == 0) {
      System.err.println("No password given.");
      System.exit(2);
      return;
    }
    try {
      System.out.println(hash(password));
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static char[] readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password: ");
      char[] second = console.readPassword("Repeat password: ");
      if (first == null || !Arrays.equals(first, second)) {
        System.err.println("The passwords do not match.");
        System.exit(2);
      }
      Arrays.fill(second, '\0');
      return first;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    return line == null ? null : line.toCharArray();
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime ships PBKDF2WithHmacSHA256; its absence is a broken JDK.
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    } finally {
      spec.clearPassword();
    }
  }

  private static Parsed parse(String encoded) {
    if (encoded == null) {
      return null;
    }
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != 4 || !PREFIX.equals(parts[0])) {
      return null;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] hash = Base64.getDecoder().decode(parts[3]);
      if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS || salt.length < 8 || hash.length < 16) {
        return null;
      }
      return new Parsed(iterations, salt, hash);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private record Parsed(int iterations, byte[] salt, byte[] hash) {}
}
