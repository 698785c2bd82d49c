package dev.warden.admin.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The API's JSON: one configured {@link ObjectMapper} (ISO-8601 instants) shared by every request, bounded request
 * bodies and response writing. Thread-safe.
 */
final class Json {
  /** Largest request body the API reads; larger bodies get 413. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  static final ObjectMapper MAPPER = new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
              .build())
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ObjectWriter WRITER = MAPPER.writer();

  private Json() {}

  /**
   * Reads the request body as a JSON object. An empty body is an empty object when {@code optional}.
   *
   * @throws ApiException 415 if the body is not declared as JSON, 413 if over {@link #MAX_BODY_BYTES}, 400 if
   *     it is not a JSON object
   */
  static JsonNode readObject(HttpServletRequest request, boolean optional) throws IOException {
    byte[] body = readBounded(request);
    if (body.length == 0 && optional) {
      return MAPPER.createObjectNode();
    }
    requireJsonContentType(request);
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("The body is not valid JSON.");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object.");
    }
    return node;
  }

  /** Rejects bodies not declared as {@code application/json} (a cross-site form cannot send that). */
  static void requireJsonContentType(HttpServletRequest request) {
    String type = request.getContentType();
    String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!"application/json".equals(mime)) {
      throw new ApiException(415, "unsupported_media_type", "Send the body as application/json.");
    }
  }

  /** Writes {@code value} as the JSON response with the given status. */
  static void write(HttpServletResponse response, int status, Object value) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    byte[] bytes = WRITER.writeValueAsBytes(value);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static byte[] readBounded(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    // Not closed here: the container owns the stream.
    InputStream in = request.getInputStream();
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (out.size() + n > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static ApiException tooLarge() {
    return new ApiException(413, "too_large", "The body is larger than " + MAX_BODY_BYTES + " bytes.");
  }
}
