package dev.warden.plugin.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.warden.plugin.EndpointConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random hostile bodies through the form parser and the comment extractor. Properties: the only failure is
 * a {@link RequestRejection} with a 4xx status; a parsed form never has more than {@link FormBody#MAX_FIELDS}
 * fields nor more decoded chars than body bytes; an extracted comment has a non-blank text and article id.
 * Bounded by iterations, not time; a failure names its seed, and {@code -Dfuzz.seed=<n>} replays it alone.
 */
class BodyParserFuzzTest {
  static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 20_000);
  static final long FIRST_SEED = Long.getLong("fuzz.seed", 7_000L);
  static final String[] TYPES = {"application/x-www-form-urlencoded", "application/json", "text/plain", null,
      "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/json; charset=UTF-16",
      "multipart/form-data; boundary=x", "application/x-www-form-urlencoded; charset=\"", ";;;", "application/json;"};
  static final List<EndpointConfig> ENDPOINTS = List.of(
      endpoint("auto", "{article}"), endpoint("form", "field:article"), endpoint("json", "field:article"));

  static EndpointConfig endpoint(String format, String article) {
    return new EndpointConfig("e-" + format, "/articles/{article}/comments", Set.of("POST"), format, "text",
        "author", article, null);
  }

  @Test
  void hostileBodiesAreEitherParsedOrRefusedWithA4xx() {
    CommentExtractor extractor = new CommentExtractor();
    int parsed = 0;
    int refused = 0;
    for (long seed = FIRST_SEED; seed < FIRST_SEED + ITERATIONS; seed++) {
      HostileBytes input = new HostileBytes(seed);
      byte[] body = switch (input.nextInt(3)) {
        case 0 -> input.form(30);
        case 1 -> input.json(40);
        default -> input.bytes(300);
      };
      String type = TYPES[input.nextInt(TYPES.length)];
      String query = input.nextInt(4) == 0 ? new String(input.form(3), StandardCharsets.ISO_8859_1) : null;
      if (input.nextInt(3) == 0) {
        // A well-formed form around hostile text, so the accepting path is exercised as hard as the refusing one.
        body = ("text=" + URLEncoder.encode("x " + input.text(20), StandardCharsets.UTF_8) + "&article=a1")
            .getBytes(StandardCharsets.US_ASCII);
        type = TYPES[0];
        query = null;
      }
      EndpointConfig endpoint = ENDPOINTS.get(input.nextInt(ENDPOINTS.size()));
      try {
        Comment comment = extractor.extract(endpoint, Map.of("article", "a1"),
            new CapturedBody(body, MediaType.parse(type), type), query);
        assertThat(comment.text()).as("seed %d", seed).isNotBlank();
        assertThat(comment.articleId()).as("seed %d", seed).isNotBlank();
        parsed++;
      } catch (RequestRejection e) {
        assertThat(e.status()).as("seed %d", seed).isBetween(400, 499);
        assertThat(e.code()).as("seed %d", seed).isNotBlank();
        refused++;
      } catch (RuntimeException e) {
        fail("seed " + seed + " (replay with -Dfuzz.seed=" + seed + " -Dfuzz.iterations=1) threw " + e, e);
      }
    }
    assertThat(parsed).as("the generator must reach the parsed path too").isGreaterThan(ITERATIONS / 50);
    assertThat(refused).isGreaterThan(ITERATIONS / 100);
  }

  @Test
  void formParsingIsBoundedByTheBody() {
    for (long seed = FIRST_SEED; seed < FIRST_SEED + ITERATIONS; seed++) {
      HostileBytes input = new HostileBytes(seed);
      byte[] body = input.form(input.nextInt(10) == 0 ? 1500 : 30);
      try {
        Map<String, List<String>> form = FormBody.parse(body, StandardCharsets.UTF_8);
        long chars = form.entrySet().stream()
            .mapToLong(e -> e.getKey().length() + e.getValue().stream().mapToLong(String::length).sum()).sum();
        assertThat(form.values().stream().mapToInt(List::size).sum()).as("seed %d", seed)
            .isLessThanOrEqualTo(FormBody.MAX_FIELDS);
        assertThat(chars).as("seed %d", seed).isLessThanOrEqualTo(body.length);
      } catch (RequestRejection e) {
        assertThat(e.code()).as("seed %d", seed).isIn("invalid_form", "invalid_encoding", "too_many_fields");
      } catch (RuntimeException e) {
        fail("seed " + seed + " threw " + e, e);
      }
    }
  }
}
