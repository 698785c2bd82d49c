package dev.warden.plugin.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Status-link tokens: 192 random bits from {@link SecureRandom}, URL-safe base64 without padding (32 characters).
 * Only the SHA-256 of a token is stored; no salt is needed, since the token itself is too random to guess or to
 * find in a table. Thread-safe.
 */
final class StatusTokens {
  static final int BYTES = 24;

  /** What a token can look like: URL-safe base64, from a 128-bit token up, bounded so junk costs nothing. */
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22,128}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private StatusTokens() {}

  /** A fresh token. */
  static String issue() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** True if {@code token} could be a token; anything else is not looked up. */
  static boolean wellFormed(String token) {
    return token != null && WELL_FORMED.matcher(token).matches();
  }

  /** The stored form of a token: its SHA-256 in lower-case hex (64 characters). */
  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
