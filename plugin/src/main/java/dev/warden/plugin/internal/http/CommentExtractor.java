package dev.warden.plugin.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.warden.plugin.EndpointConfig;
import dev.warden.plugin.store.NewComment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads the comment text, author and article id out of a captured body, as form fields or JSON members
 * according to the endpoint's {@code format} (or the Content-Type for {@code auto}). Thread-safe.
 */
final class CommentExtractor {
  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(100).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /**
   * Extracts the comment.
   *
   * @param endpoint the matched endpoint
   * @param pathVariables the variables of the matched path
   * @param query the raw query string, or null
   * @throws RequestRejection 400/415 with a code if the body is not a usable comment, or if one of the
   *     endpoint's fields is sent twice or in the query string ({@code ambiguous_field})
   */
  Comment extract(EndpointConfig endpoint, Map<String, String> pathVariables, CapturedBody body, String query)
      throws RequestRejection {
    if (query != null) {
      // Why: the site's getParameter sees query fields before body fields; a text in the query would reach it
      // unjudged while Warden judged the body's.
      Map<String, List<String>> fields = FormBody.parse(query.getBytes(StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
      for (String field : namedFields(endpoint)) {
        if (fields.containsKey(field)) {
          throw ambiguous(field);
        }
      }
    }
    return switch (format(endpoint, body.mediaType())) {
      case "json" -> fromJson(endpoint, pathVariables, body);
      default -> fromForm(endpoint, pathVariables, body);
    };
  }

  private static String format(EndpointConfig endpoint, MediaType type) throws RequestRejection {
    if (!endpoint.format().equals("auto")) {
      // A declared type of the other kind (or multipart) would be parsed differently by the site's container.
      boolean parsedAsParameters = type.isForm() || type.type().startsWith("multipart/");
      boolean mismatch = endpoint.format().equals("form")
          ? !type.type().isEmpty() && !type.isForm() : parsedAsParameters;
      if (mismatch) {
        throw new RequestRejection(415, "unsupported_media_type",
            "send the comment as " + (endpoint.format().equals("form") ? MediaType.FORM : "application/json"));
      }
      return endpoint.format();
    }
    if (type.isJson()) {
      return "json";
    }
    if (type.isForm()) {
      return "form";
    }
    throw new RequestRejection(415, "unsupported_media_type",
        "send the comment as application/x-www-form-urlencoded or application/json");
  }

  private static Comment fromForm(EndpointConfig endpoint, Map<String, String> vars, CapturedBody body)
      throws RequestRejection {
    Map<String, List<String>> form = FormBody.parse(body.bytes(), body.mediaType().charset());
    for (String field : namedFields(endpoint)) {
      List<String> values = form.get(field);
      if (values != null && values.size() > 1) {
        throw ambiguous(field); // sites differ on which of two values they keep; Warden judges only one
      }
    }
    String text = first(form, endpoint.textField());
    if (text == null || text.isBlank()) {
      throw missingText(endpoint);
    }
    String author = first(form, endpoint.authorField());
    String article = endpoint.articleFromField() ? first(form, endpoint.articleSource())
        : vars.get(endpoint.articleSource());
    return new Comment(text, author == null ? "" : author, requireArticle(endpoint, article), form);
  }

  private static Comment fromJson(EndpointConfig endpoint, Map<String, String> vars, CapturedBody body)
      throws RequestRejection {
    JsonNode root;
    try {
      root = JSON.readTree(body.text());
    } catch (JsonProcessingException e) {
      throw new RequestRejection(400, "invalid_json", "the body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new RequestRejection(400, "invalid_json", "the body must be a JSON object");
    }
    JsonNode text = root.get(endpoint.textField());
    if (text == null || !text.isTextual() || text.asText().isBlank()) {
      throw missingText(endpoint);
    }
    JsonNode author = root.get(endpoint.authorField());
    String article = endpoint.articleFromField() ? scalar(root.get(endpoint.articleSource()))
        : vars.get(endpoint.articleSource());
    return new Comment(text.asText(), author != null && author.isTextual() ? author.asText() : "",
        requireArticle(endpoint, article), null);
  }

  private static String scalar(JsonNode node) {
    return node != null && (node.isTextual() || node.isIntegralNumber()) ? node.asText() : null;
  }

  private static String first(Map<String, List<String>> form, String field) {
    List<String> values = form.get(field);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The fields Warden reads: the text, the author and, if it comes from a field, the article id. */
  private static List<String> namedFields(EndpointConfig endpoint) {
    return endpoint.articleFromField()
        ? List.of(endpoint.textField(), endpoint.authorField(), endpoint.articleSource())
        : List.of(endpoint.textField(), endpoint.authorField());
  }

  private static RequestRejection ambiguous(String field) {
    return new RequestRejection(400, "ambiguous_field",
        "the field '" + field + "' must be sent once, in the body");
  }

  private static RequestRejection missingText(EndpointConfig endpoint) {
    return new RequestRejection(400, "missing_text",
        "the field '" + endpoint.textField() + "' must be a non-empty string");
  }

  private static String requireArticle(EndpointConfig endpoint, String article) throws RequestRejection {
    if (article == null || article.isBlank()) {
      throw new RequestRejection(400, "missing_article", "the article id (" + endpoint.article() + ") is missing");
    }
    if (article.length() > NewComment.MAX_ARTICLE_ID) {
      throw new RequestRejection(400, "article_too_long",
          "the article id is longer than " + NewComment.MAX_ARTICLE_ID + " characters");
    }
    return article;
  }
}
