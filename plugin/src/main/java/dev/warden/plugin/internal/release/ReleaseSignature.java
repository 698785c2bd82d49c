package dev.warden.plugin.internal.release;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the release header that lets an approved comment's replay through the filter without
 * re-moderation. Header value: {@code <commentId>.<nonce>.<hex HMAC-SHA256>} over
 * {@code commentId + "." + nonce + "." + hex SHA-256(body)}. The nonce is single-use (consumed in the store).
 *
 * <p>Immutable and thread-safe.
 */
public final class ReleaseSignature {
  /** The request header that carries the signature. */
  public static final String HEADER = "X-Warden-Release";

  private static final HexFormat HEX = HexFormat.of();
  private final SecretKeySpec key;

  public ReleaseSignature(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The header value for a comment, nonce and body. */
  public String sign(String commentId, String nonce, byte[] body) {
    return commentId + "." + nonce + "." + HEX.formatHex(mac(commentId, nonce, body));
  }

  /**
   * Checks a header value against a body, in constant time for the MAC comparison.
   *
   * @return the parsed id and nonce if the signature is valid, else null
   */
  public Signed verify(String headerValue, byte[] body) {
    if (headerValue == null) {
      return null;
    }
    String[] parts = headerValue.trim().split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return null;
    }
    byte[] given;
    try {
      given = HEX.parseHex(parts[2]);
    } catch (IllegalArgumentException e) {
      return null;
    }
    byte[] expected = mac(parts[0], parts[1], body);
    return MessageDigest.isEqual(expected, given) ? new Signed(parts[0], parts[1]) : null;
  }

  private byte[] mac(String commentId, String nonce, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      String bodyHash = HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
      return mac.doFinal((commentId + "." + nonce + "." + bodyHash).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** A verified header: which comment, with which nonce. */
  public record Signed(String commentId, String nonce) {}
}
