package dev.warden.plugin.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.plugin.EndpointConfig;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage-guided twin of {@link BodyParserFuzzTest}: Jazzer builds a request (a Content-Type from a list or raw,
 * with a charset parameter; a form, JSON, multipart or raw body; sometimes a query string) and steers towards
 * inputs that reach new branches. Properties: the only failure is a {@link RequestRejection} with a 4xx status and
 * one of the documented codes; an extracted comment has a non-blank text and article id and no more chars than
 * the body has bytes; a parsed form has at most {@link FormBody#MAX_FIELDS} fields and no more decoded chars than
 * body bytes. When fuzzing, one input that runs longer than libFuzzer's {@code -timeout} (10 s, set in
 * {@code junit-platform.properties}) is reported as a hang. (Not a JUnit {@code @Timeout}: that would bound the
 * whole fuzzing run.)
 *
 * <p>{@code mvn verify} replays the inputs in {@code BodyParserJazzerTestInputs/} (regression mode); with the
 * environment variable {@code JAZZER_FUZZ=1} Jazzer fuzzes for {@code maxDuration} (see the README, "Hostile
 * input").
 */
class BodyParserJazzerTest {
  /** Every code {@link CommentExtractor}, {@link FormBody}, {@link MediaType} and {@link CapturedBody} document. */
  static final Set<String> DOCUMENTED_CODES = Set.of("invalid_form", "invalid_encoding", "too_many_fields",
      "unsupported_media_type", "unsupported_charset", "invalid_json", "missing_text", "missing_article",
      "ambiguous_field");
  static final String[] TYPES = {"application/x-www-form-urlencoded", "application/json", "text/plain",
      "multipart/form-data", "application/vnd.api+json", "APPLICATION/X-WWW-FORM-URLENCODED", "", ";;;"};
  static final String[] CHARSETS = {"utf-8", "UTF-8", "\"utf-8\"", "iso-8859-1", "windows-1252", "ISO-8859-15",
      "us-ascii", "utf-16", "UTF-16LE", "ibm037", "x-unknown", "\"", "", "utf-8;charset=utf-16"};
  static final String[] FIELDS = {"text", "author", "article", "Text", "text[]", "", "t%65xt"};
  static final Charset[] FORM_CHARSETS = {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
      StandardCharsets.US_ASCII};

  private final CommentExtractor extractor = new CommentExtractor();

  @FuzzTest(maxDuration = "45s")
  void hostileRequestsAreEitherParsedOrRefusedWithADocumented4xx(FuzzedDataProvider data) {
    if (data.consumeInt(0, 4) == 0) {
      formParsingIsBoundedByTheBody(data.pickValue(FORM_CHARSETS), data.consumeRemainingAsBytes());
      return;
    }
    EndpointConfig endpoint = data.pickValue(BodyParserFuzzTest.ENDPOINTS);
    String type = contentType(data);
    String query = data.consumeBoolean() ? data.consumeString(60) : null;
    byte[] body = switch (data.consumeInt(0, 3)) {
      case 0 -> form(data);
      case 1 -> json(data);
      case 2 -> multipart(data);
      default -> data.consumeRemainingAsBytes();
    };
    try {
      Comment comment = extractor.extract(endpoint, Map.of("article", "a1"),
          new CapturedBody(body, MediaType.parse(type), type), query);
      assertThat(comment.text()).isNotBlank();
      assertThat(comment.text().length()).isLessThanOrEqualTo(body.length);
      assertThat(comment.articleId()).isNotBlank();
      assertThat(comment.author()).isNotNull();
      if (comment.form() != null) {
        assertThat(comment.form().values().stream().mapToInt(List::size).sum())
            .isLessThanOrEqualTo(FormBody.MAX_FIELDS);
      }
    } catch (RequestRejection e) {
      assertThat(e.status()).isBetween(400, 499);
      assertThat(e.code()).isIn(DOCUMENTED_CODES);
    }
  }

  private static void formParsingIsBoundedByTheBody(Charset charset, byte[] body) {
    try {
      Map<String, List<String>> form = FormBody.parse(body, charset);
      long chars = form.entrySet().stream()
          .mapToLong(e -> e.getKey().length() + e.getValue().stream().mapToLong(String::length).sum()).sum();
      assertThat(form.values().stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(FormBody.MAX_FIELDS);
      assertThat(chars).isLessThanOrEqualTo(body.length);
    } catch (RequestRejection e) {
      assertThat(e.code()).isIn("invalid_form", "invalid_encoding", "too_many_fields");
    }
  }

  /** A header from the list with an optional charset parameter, or raw text. */
  private static String contentType(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      case 0 -> null;
      case 1 -> data.consumeString(80);
      default -> data.pickValue(TYPES)
          + (data.consumeBoolean() ? "; charset=" + data.pickValue(CHARSETS) : "")
          + (data.consumeBoolean() ? "; boundary=" + data.consumeAsciiString(10) : "");
    };
  }

  /** Name=value pairs from likely and fuzzed names, each value escaped or sent raw. */
  private static byte[] form(FuzzedDataProvider data) {
    StringBuilder out = new StringBuilder();
    int fields = data.consumeInt(0, 8);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        out.append(data.consumeBoolean() ? "&" : "&&");
      }
      out.append(data.consumeBoolean() ? data.pickValue(FIELDS) : data.consumeString(8));
      if (data.consumeBoolean()) {
        String value = data.consumeString(40);
        out.append('=').append(data.consumeBoolean() ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value);
      }
    }
    return out.toString().getBytes(data.consumeBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  /** A JSON object (or a broken one) with likely and fuzzed members and values of every kind. */
  private static byte[] json(FuzzedDataProvider data) {
    StringBuilder out = new StringBuilder("{");
    int members = data.consumeInt(0, 6);
    for (int i = 0; i < members; i++) {
      if (i > 0) {
        out.append(',');
      }
      String name = data.consumeBoolean() ? data.pickValue(FIELDS) : data.consumeString(8);
      out.append('"').append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":");
      out.append(switch (data.consumeInt(0, 5)) {
        case 0 -> "\"" + data.consumeString(40).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        case 1 -> Long.toString(data.consumeLong());
        case 2 -> "[" + "[".repeat(data.consumeInt(0, 40)) + "]";
        case 3 -> data.pickValue(new String[] {"null", "true", "{}", "1e999", "-0", "\"\\ud800\""});
        default -> data.consumeString(20); // raw, usually not JSON
      });
    }
    if (data.consumeBoolean()) {
      out.append('}');
    }
    Charset charset = data.pickValue(new Charset[] {StandardCharsets.UTF_8, StandardCharsets.UTF_16,
        StandardCharsets.ISO_8859_1});
    return out.toString().getBytes(charset);
  }

  /** A multipart body (which every endpoint format must refuse, as the site's container would parse it). */
  private static byte[] multipart(FuzzedDataProvider data) {
    String boundary = data.consumeAsciiString(10);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int parts = data.consumeInt(0, 3);
    for (int i = 0; i < parts; i++) {
      String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + data.pickValue(FIELDS)
          + "\"\r\n\r\n";
      out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(data.consumeBytes(60));
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }
}
