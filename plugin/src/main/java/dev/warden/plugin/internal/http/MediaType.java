package dev.warden.plugin.internal.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * The parts of a Content-Type header the filter needs: the lower-case type/subtype and the charset.
 *
 * @param type e.g. {@code application/json}; empty if the header is missing
 * @param charsetName the {@code charset} parameter, or null
 */
record MediaType(String type, String charsetName) {
  static final String FORM = "application/x-www-form-urlencoded";

  static MediaType parse(String header) {
    if (header == null) {
      return new MediaType("", null);
    }
    String[] parts = header.split(";");
    String charset = null;
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim();
      if (param.regionMatches(true, 0, "charset=", 0, 8)) {
        charset = param.substring(8).trim().replace("\"", "");
      }
    }
    return new MediaType(parts[0].trim().toLowerCase(Locale.ROOT), charset);
  }

  boolean isJson() {
    return type.equals("application/json") || type.endsWith("+json");
  }

  boolean isForm() {
    return type.equals(FORM);
  }

  /**
   * The declared charset, UTF-8 if none.
   *
   * @throws RequestRejection 415 if the charset is unknown
   */
  Charset charset() throws RequestRejection {
    if (charsetName == null || charsetName.isEmpty()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(charsetName);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new RequestRejection(415, "unsupported_charset", "the charset " + charsetName + " is not supported");
    }
  }
}
