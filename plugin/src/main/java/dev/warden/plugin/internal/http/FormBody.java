package dev.warden.plugin.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} bytes (bodies and query strings). Escapes are decoded to bytes
 * first and the bytes then decoded strictly, so bad UTF-8 is refused instead of becoming U+FFFD. Stateless.
 */
final class FormBody {
  /**
   * The most name=value pairs one body or query string may carry; Jetty's own default ({@code maxFormKeys}) too.
   * Why: the parsed fields are handed to the site, which would otherwise see more than its container allows.
   */
  static final int MAX_FIELDS = 1000;

  private FormBody() {}

  /**
   * Parses name=value pairs; repeated names keep every value in order.
   *
   * @throws RequestRejection 400 {@code invalid_form} on a malformed escape, {@code invalid_encoding} on bytes
   *     that are not valid in the charset, {@code too_many_fields} over {@link #MAX_FIELDS} pairs
   */
  static Map<String, List<String>> parse(byte[] body, Charset charset) throws RequestRejection {
    Map<String, List<String>> params = new LinkedHashMap<>();
    int start = 0;
    int fields = 0;
    while (start <= body.length) {
      int end = indexOf(body, (byte) '&', start, body.length);
      if (end > start) {
        if (++fields > MAX_FIELDS) {
          throw new RequestRejection(400, "too_many_fields", "the form has more than " + MAX_FIELDS + " fields");
        }
        int eq = indexOf(body, (byte) '=', start, end);
        String name = decode(body, start, eq, charset);
        String value = eq == end ? "" : decode(body, eq + 1, end, charset);
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
      start = end + 1;
    }
    params.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(params);
  }

  private static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return to;
  }

  private static String decode(byte[] bytes, int from, int to, Charset charset) throws RequestRejection {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b == '+') {
        out.write(' ');
      } else if (b == '%') {
        if (i + 2 >= to || Character.digit(bytes[i + 1], 16) < 0 || Character.digit(bytes[i + 2], 16) < 0) {
          throw new RequestRejection(400, "invalid_form", "the form body has a malformed % escape");
        }
        out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return CapturedBody.decode(out.toByteArray(), charset);
  }
}
