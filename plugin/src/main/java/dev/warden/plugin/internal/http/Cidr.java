package dev.warden.plugin.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32} (a bare address is a block
 * of one). Parses literals only: never resolves host names. Immutable and thread-safe.
 */
public final class Cidr {
  private final byte[] network;
  private final int prefix;
  private final String text;

  private Cidr(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /**
   * Parses a block.
   *
   * @throws IllegalArgumentException if it is not an address literal with an optional valid prefix length
   */
  public static Cidr parse(String text) {
    String value = text.trim();
    int slash = value.indexOf('/');
    InetAddress address = literal(slash < 0 ? value : value.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException("is not an IP address or CIDR block");
    }
    byte[] bytes = address.getAddress();
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(value.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("has a bad prefix length");
      }
      if (prefix < 0 || prefix > max) {
        throw new IllegalArgumentException("has a prefix length outside 0.." + max);
      }
    }
    return new Cidr(mask(bytes, prefix), prefix, value);
  }

  /** True if the address is inside this block (IPv4 and IPv6 never match each other). */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
  }

  /**
   * Parses an IP address literal without any name lookup.
   *
   * @return the address, or null if the text is not a literal
   */
  public static InetAddress literal(String text) {
    if (text.isEmpty() || text.length() > 45) {
      return null;
    }
    boolean colon = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      colon |= c == ':';
      if (!hex && c != '.' && c != ':') {
        return null;
      }
    }
    if (!colon && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return null; // InetAddress would accept "1" or "1.2" as IPv4 shorthands
    }
    try {
      return InetAddress.getByName(text); // a literal: no DNS
    } catch (UnknownHostException e) {
      return null;
    }
  }

  static byte[] mask(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xFF << (8 - bits)));
    }
    return out;
  }

  @Override
  public String toString() {
    return text;
  }
}
