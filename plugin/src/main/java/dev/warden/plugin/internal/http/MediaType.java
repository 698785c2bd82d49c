package dev.warden.plugin.internal.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;

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
    String[] parts = header.split(";", -1); // -1: ";;;" must give an empty type, not an empty array
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
   * Charsets a body may declare. Why only these: in each, the ASCII bytes mean ASCII, so a site that ignores the
   * declared charset still reads the same words Warden judged (an EBCDIC or UTF-16 body would read differently).
   */
  static final Set<Charset> ACCEPTED_CHARSETS = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
      StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"), Charset.forName("ISO-8859-15"));

  /**
   * The declared charset, UTF-8 if none.
   *
   * @throws RequestRejection 415 {@code unsupported_charset} if the charset is unknown or not one of
   *     {@link #ACCEPTED_CHARSETS}
   */
  Charset charset() throws RequestRejection {
    if (charsetName == null || charsetName.isEmpty()) {
      return StandardCharsets.UTF_8;
    }
    Charset charset;
    try {
      charset = Charset.forName(charsetName);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw unsupported();
    }
    if (!ACCEPTED_CHARSETS.contains(charset)) {
      throw unsupported();
    }
    return charset;
  }

  private RequestRejection unsupported() {
    return new RequestRejection(415, "unsupported_charset", "the charset " + charsetName + " is not supported");
  }
}
