package dev.warden.plugin.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Decodes percent-escapes in a path segment (where '+' is a plus, not a space). */
final class PercentDecoding {
  private PercentDecoding() {}

  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment; // a malformed escape stays literal; the site sees the same path
    }
  }
}
