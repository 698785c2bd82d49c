package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static dev.warden.plugin.TestConfigs.BENIGN;
import static dev.warden.plugin.TestConfigs.FALSE_CLAIM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filter in front of the test site, over real HTTP, with the real classifier and an H2 store. */
class ModerationFilterTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  static Warden warden;
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, "network: {trusted-proxies: [10.0.0.0/8]}\n"));
    site = TestSite.withFilter(warden);
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
    warden.close();
  }

  @BeforeEach
  void forgetRequests() {
    site.received().clear();
  }

  static String form(String text, String author) {
    return "text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&author="
        + URLEncoder.encode(author, StandardCharsets.UTF_8);
  }

  static String json(String text) throws Exception {
    return JSON.writeValueAsString(java.util.Map.of("text", text, "author", "Olena"));
  }

  static HeldComment stored(HttpResponse<String> response) throws Exception {
    String id = JSON.readTree(response.body()).get("id").asText();
    return warden.comments().find(id).orElseThrow();
  }

  @Test
  void benignFormPostReachesTheSiteWithTheSameParameters() throws Exception {
    HttpResponse<String> response =
        site.postForm("/articles/peace-talks/comments?page=2", form(BENIGN + " Ünïcode ✓", "Olena & co"));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/articles/peace-talks#comments");
    assertThat(site.received()).singleElement().satisfies(r -> {
      assertThat(r.parameters().get("text")).containsExactly(BENIGN + " Ünïcode ✓");
      assertThat(r.parameters().get("author")).containsExactly("Olena & co");
      assertThat(r.parameters().get("page")).containsExactly("2");
    });
  }

  @Test
  void benignJsonPostReachesTheSiteWithTheSameBytes() throws Exception {
    String body = "{ \"text\" : \"" + BENIGN + "\", \"author\": \"Олена\", \"extra\": [1, 2] }";

    HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", body);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("{\"stored\":true}");
    assertThat(site.received()).singleElement()
        .satisfies(r -> assertThat(r.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void abusiveJsonCommentIsHeldAndStoredBeforeTheResponse() throws Exception {
    HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", json(ABUSIVE));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("pending");
    assertThat(body.get("modelVersion").asText()).isEqualTo(warden.classifier().modelVersion()).startsWith("seed-");
    HeldComment held = stored(response);
    assertThat(held.status()).isEqualTo(CommentStatus.PENDING);
    assertThat(held.decision()).isEqualTo(Decision.HOLD);
    assertThat(held.reason()).isEqualTo("abuse");
    assertThat(held.articleId()).isEqualTo("peace-talks");
    assertThat(held.text()).isEqualTo(ABUSIVE);
    assertThat(held.author()).isEqualTo("Olena");
    assertThat(held.posterKey()).isEqualTo("ip:127.0.0.1");
    assertThat(held.scores().get("abuse")).isGreaterThan(0.7);
    assertThat(held.submission().method()).isEqualTo("POST");
    assertThat(held.submission().path()).isEqualTo("/articles/peace-talks/comments");
    assertThat(held.submission().body()).isEqualTo(json(ABUSIVE).getBytes(StandardCharsets.UTF_8));
    assertThat(held.explanation()).containsEntry("policy", "default").containsKeys("terms", "model", "thresholds");
    assertThat(site.received()).isEmpty();
  }

  @Test
  void abusiveFormCommentIsRedirectedToTheArticleAsPending() throws Exception {
    HttpResponse<String> response = site.postForm("/articles/peace-talks/comments", form(ABUSIVE, "anon"));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
        .matches("/articles/peace-talks\\?comment=pending&status=[A-Za-z0-9_-]{32}"));
    assertThat(site.received()).isEmpty();
    assertThat(warden.comments().list(CommentStatus.PENDING, 100, 0).items())
        .anySatisfy(c -> assertThat(c.author()).isEqualTo("anon"));
  }

  @Test
  void xhrFormPostGetsJsonInsteadOfARedirect() throws Exception {
    HttpResponse<String> response = site.postForm("/articles/peace-talks/comments", form(ABUSIVE, "x"),
        "X-Requested-With", "XMLHttpRequest");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
  }

  @Test
  void commentOverTheRejectThresholdIsRejectedAndKept() throws Exception {
    HttpResponse<String> response = site.postJson("/articles/war-in-the-east/comments", json(ABUSIVE));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("rejected");
    assertThat(JSON.readTree(response.body()).get("reason").asText()).isEqualTo("abuse");
    assertThat(JSON.readTree(response.body()).get("modelVersion").asText())
        .isEqualTo(warden.classifier().modelVersion()).startsWith("seed-");
    assertThat(warden.comments().list(CommentStatus.AUTO_REJECTED, 100, 0).items())
        .anySatisfy(c -> {
          assertThat(c.articleId()).isEqualTo("war-in-the-east");
          assertThat(c.explanation()).containsEntry("policy", "conflict");
        });
    assertThat(site.received()).isEmpty();
  }

  @Test
  void rejectedFormPostIsRedirectedWithRejected() throws Exception {
    HttpResponse<String> response = site.postForm("/articles/frontline/comments", form(ABUSIVE, "x"));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
        .matches("/articles/frontline\\?comment=rejected&status=[A-Za-z0-9_-]{32}"));
  }

  @Test
  void falseClaimOnAConflictArticleIsHeld() throws Exception {
    HttpResponse<String> response = site.postJson("/articles/frontline/comments", json(FALSE_CLAIM));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(stored(response).reason()).isEqualTo("disinformation");
  }

  @Test
  void nonConflictArticleUsesTheDefaultPolicyWhereDisinformationIsNotChecked() throws Exception {
    HttpResponse<String> response = site.postJson("/articles/gardening/comments", json(FALSE_CLAIM));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(site.received()).hasSize(1);
  }

  @Test
  void oversizedCommentGets413Json() throws Exception {
    HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", json("a".repeat(3000)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("too_large");
    assertThat(site.received()).isEmpty();
  }

  @Test
  void malformedJsonGets400() throws Exception {
    for (String body : List.of("{\"text\": ", "[\"text\"]", "{\"text\": 42}", "{\"text\": \"  \"}", "{} {}")) {
      HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", body);

      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("error").asText()).as(body).isIn("invalid_json",
          "missing_text");
    }
    assertThat(site.received()).isEmpty();
  }

  @Test
  void missingFormTextGets400() throws Exception {
    HttpResponse<String> response = site.postForm("/articles/peace-talks/comments", "author=x");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("missing_text");
  }

  @Test
  void invalidUtf8Gets400NotAServerError() throws Exception {
    byte[] json = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    HttpResponse<String> jsonResponse =
        site.post("/articles/peace-talks/comments", "application/json", json);
    HttpResponse<String> formResponse = site.postForm("/articles/peace-talks/comments", "text=%C3%28");

    assertThat(jsonResponse.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(jsonResponse.body()).get("error").asText()).isEqualTo("invalid_encoding");
    assertThat(formResponse.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(formResponse.body()).get("error").asText()).isEqualTo("invalid_encoding");
  }

  @Test
  void requestCharsetIsHonoured() throws Exception {
    byte[] latin1 = ("text=" + URLEncoder.encode("Très bien, merci pour le reportage.",
        StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);

    HttpResponse<String> response = site.post("/articles/peace-talks/comments",
        "application/x-www-form-urlencoded; charset=ISO-8859-1", latin1);

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(site.received()).singleElement().satisfies(
        r -> assertThat(r.parameters().get("text")).containsExactly("Très bien, merci pour le reportage."));
  }

  @Test
  void otherContentTypesAreRefusedNotWaivedThrough() throws Exception {
    HttpResponse<String> response = site.post("/articles/peace-talks/comments", "text/plain",
        ABUSIVE.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(site.received()).isEmpty();
  }

  @Test
  void spoofedForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
    HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", json(ABUSIVE),
        "X-Forwarded-For", "203.0.113.7", "Forwarded", "for=198.51.100.1");

    assertThat(stored(response).posterKey()).isEqualTo("ip:127.0.0.1");
  }
}
