package dev.warden.plugin.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Structure-aware hostile input from a seed: random bytes, form bodies with odd escapes and repeated names, nested
 * and broken JSON, and Unicode chosen to hurt (surrogates, combining marks, bidi controls, NUL and controls,
 * confusables). The same seed always gives the same input. Not thread-safe (one per test).
 */
final class HostileBytes {
  private static final String[] NASTY = {
    "\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u00ad", "\u200b", "\u200d", "\u202e", "\u202d", "\u2066",
    "\u2069", "\u200f", "\ufeff", "\ufffd", "\ud800", "\udfff", "\ud83d\ude00", "\u0301", "\u0336", "\u0489",
    "\ufe0f", "\u3164", "\u0430", "\u0456", "\uff49", "\u1d62", "\u2460", "\ufdfd", "\u0e47", "<script>", "'--",
    "%", "%%", "%2", "%zz", "%00", "%C0%AF", "%ED%A0%80", "+", "&", "=", "&&", "==", "\r\n", "\"", "\\", "{", "[",
    "idiot", "stupid", "i d i o t", "1d10t", "st00pid", "idiooooot",
  };

  private final SplittableRandom random;

  HostileBytes(long seed) {
    this.random = new SplittableRandom(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** A random string of hostile pieces, plain letters and random code points (lone surrogates included). */
  String text(int maxPieces) {
    StringBuilder out = new StringBuilder();
    int pieces = random.nextInt(maxPieces + 1);
    for (int i = 0; i < pieces; i++) {
      switch (random.nextInt(4)) {
        case 0 -> out.append(NASTY[random.nextInt(NASTY.length)]);
        case 1 -> out.append((char) random.nextInt(0x10000));
        case 2 -> out.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
        default -> out.append("abcdefghij klmnopqrstuvwxyz".charAt(random.nextInt(27)));
      }
    }
    return out.toString();
  }

  /** Random bytes of random length. */
  byte[] bytes(int maxLength) {
    byte[] bytes = new byte[random.nextInt(maxLength + 1)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** A form body: names and values escaped, half-escaped or raw, some repeated, some hostile. */
  byte[] form(int maxFields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int fields = random.nextInt(maxFields + 1);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        out.writeBytes(random.nextInt(20) == 0 ? "&&".getBytes() : "&".getBytes());
      }
      String name = switch (random.nextInt(5)) {
        case 0 -> "text";
        case 1 -> "author";
        case 2 -> "te%78t";
        default -> text(3);
      };
      out.writeBytes(field(name));
      if (random.nextInt(10) != 0) {
        out.write('=');
        out.writeBytes(field(text(12)));
      }
    }
    return out.toByteArray();
  }

  private byte[] field(String s) {
    return switch (random.nextInt(3)) {
      case 0 -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII);
      case 1 -> s.getBytes(StandardCharsets.UTF_8);
      default -> bytes(8);
    };
  }

  /** JSON, usually well formed, sometimes deep, sometimes cut short or with raw bytes. */
  byte[] json(int depth) {
    StringBuilder out = new StringBuilder();
    value(out, depth, true);
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(8) == 0 && bytes.length > 0) {
      return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }
    return bytes;
  }

  private void value(StringBuilder out, int depth, boolean top) {
    int kind = top ? 0 : random.nextInt(depth > 0 ? 6 : 4);
    switch (kind) {
      case 0 -> {
        out.append('{');
        int members = random.nextInt(5);
        for (int i = 0; i < members; i++) {
          out.append(i > 0 ? "," : "");
          String name = random.nextInt(3) == 0 ? "text" : random.nextInt(2) == 0 ? "author" : text(2);
          out.append(quote(name)).append(':');
          value(out, depth - 1, false);
        }
        out.append('}');
      }
      case 1 -> out.append(quote(text(10)));
      case 2 -> out.append(random.nextInt(2) == 0 ? random.nextLong() : "1e" + random.nextInt(400));
      case 3 -> out.append(random.nextInt(3) == 0 ? "null" : random.nextInt(2) == 0 ? "true" : "tru");
      case 4 -> {
        out.append('[');
        value(out, depth - 1, false);
        out.append(']');
      }
      default -> value(out, depth - 1, true);
    }
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
