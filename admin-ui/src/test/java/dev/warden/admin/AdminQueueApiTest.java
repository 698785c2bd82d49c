package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.Submission;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The moderators' queue API over real HTTP: sorting and filtering the queue, a poster's history and notes, bulk
 * decisions, rejecting all of a poster's pending comments, and undo; with the roles, the CSRF token and the 400s.
 * Each test uses its own poster keys and articles, so tests do not see each other's comments.
 */
class AdminQueueApiTest {
  /** Posters told apart by a cookie; a second comment within an hour is refused as too fast. */
  static final String THROTTLE = """
      throttle:
        poster-key: {order: [cookie, ip], cookie: site_user}
        limits:
          default: {min-interval: 1h, max: 100, window: 10m, per-article: {max: 100, window: 24h}}
          conflict: {min-interval: 1h, max: 100, window: 10m, per-article: {max: 100, window: 24h}}
        per-address: {max: 1000, window: 10m}
      """;
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @TempDir static Path dataDir;
  static AdminServer server;

  @BeforeAll
  static void start() throws Exception {
    server = AdminServer.startWithSite(AdminServer.yaml(dataDir) + THROTTLE);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Http login(String user) throws Exception {
    Http http = new Http(server.base);
    assertThat(http.login(user, PASSWORD).statusCode()).isEqualTo(200);
    return http;
  }

  /** A unique name for this test's posters and articles. */
  private static String unique(String name) {
    return name + "-" + SEQUENCE.incrementAndGet();
  }

  /** Stores a held comment as the filter would, with the given poster, article, reason, scores and explanation. */
  private static HeldComment hold(String poster, String article, String reason, double score, String language,
      String narrative) {
    Map<String, Object> explanation = new java.util.HashMap<>(Map.of("model", "test", "policy", "conflict"));
    explanation.put("language", language);
    if (narrative != null) {
      explanation.put("narratives", List.of(Map.of("id", narrative, "title", "T", "similarity", 0.7)));
    }
    Submission submission = new Submission("POST", "/articles/" + article + "/comments", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8));
    return server.comments.save(new NewComment(article, poster, "Olena", "text " + SEQUENCE.incrementAndGet(),
        submission, Map.of(reason, score), explanation, Decision.HOLD, reason, Instant.now()));
  }

  private static List<String> ids(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(response).get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static String status(HeldComment c) {
    return server.comments.find(c.id()).orElseThrow().status().wireName();
  }

  @Test
  void theQueueIsSortedAndFilteredByQueryParameters() throws Exception {
    String poster = unique("cookie:ivan");
    String article = unique("kerch");
    HeldComment threat = hold(poster, article, "threat", 0.97, "rus", "bucha_staged");
    HeldComment abuse = hold(poster, article, "abuse", 0.61, "ukr", null);
    HeldComment other = hold(unique("cookie:olena"), article, "abuse", 0.8, "rus", null);
    Http http = login("moderator");
    String queue = "/warden/api/queue?status=pending&article=" + article;

    assertThat(ids(http.get(queue + "&poster=" + poster))).containsExactly(abuse.id(), threat.id());
    assertThat(ids(http.get(queue + "&poster=" + poster + "&sort=oldest"))).containsExactly(threat.id(), abuse.id());
    assertThat(ids(http.get(queue + "&sort=score"))).containsExactly(threat.id(), other.id(), abuse.id());
    assertThat(ids(http.get(queue + "&reason=abuse"))).containsExactly(other.id(), abuse.id());
    assertThat(ids(http.get(queue + "&language=RUS"))).containsExactly(other.id(), threat.id());
    assertThat(ids(http.get(queue + "&narrative=bucha_staged"))).containsExactly(threat.id());
    assertThat(ids(http.get(queue + "&reason=&language=&narrative=&poster="))).hasSize(3);
    server.articles.put(new Article(article, "Kerch bridge strike", "world", List.of(), true));
    assertThat(ids(http.get(queue + "&section=world"))).hasSize(3);
    assertThat(ids(http.get(queue + "&section=sport"))).isEmpty();
    JsonNode page = json(http.get(queue + "&sort=score&limit=1&offset=1"));
    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(page.get("sort").asText()).isEqualTo("score");
    assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(other.id());
  }

  @Test
  void queueItemsCarryTheArticlesTitleAndPageOrNullWhenUnknown() throws Exception {
    String registered = unique("mariupol");
    String unregistered = unique("izium");
    server.articles.put(new Article(registered, "Mariupol theatre: the list of names", "world", List.of(), true));
    HeldComment titled = hold(unique("cookie:taras"), registered, "abuse", 0.8, "ukr", null);
    HeldComment untitled = hold(unique("cookie:taras"), unregistered, "abuse", 0.8, "ukr", null);
    HeldComment offEndpoint = server.comments.save(new NewComment(unregistered, unique("cookie:taras"), "Olena",
        "elsewhere", new Submission("POST", "/elsewhere", "application/json", new byte[0]), Map.of("abuse", 0.8),
        Map.of("model", "test"), Decision.HOLD, "abuse", Instant.now()));
    Http http = login("moderator");

    JsonNode item = json(http.get("/warden/api/queue?article=" + registered)).get("items").get(0);
    assertThat(item.get("id").asText()).isEqualTo(titled.id());
    assertThat(item.get("articleTitle").asText()).isEqualTo("Mariupol theatre: the list of names");
    assertThat(item.get("articleUrl").asText()).isEqualTo("/articles/" + registered);

    Map<String, JsonNode> byId = new java.util.HashMap<>();
    json(http.get("/warden/api/queue?article=" + unregistered)).get("items")
        .forEach(i -> byId.put(i.get("id").asText(), i));
    assertThat(byId.get(untitled.id()).get("articleId").asText()).isEqualTo(unregistered);
    assertThat(byId.get(untitled.id()).get("articleTitle").isNull()).isTrue();
    assertThat(byId.get(untitled.id()).get("articleUrl").asText()).isEqualTo("/articles/" + unregistered);
    assertThat(byId.get(offEndpoint.id()).get("articleUrl").isNull()).isTrue();

    JsonNode one = json(http.get("/warden/api/comments/" + titled.id()));
    assertThat(one.get("articleTitle").asText()).isEqualTo("Mariupol theatre: the list of names");
  }

  @Test
  void badQueueParametersAnswer400NamingTheParameter() throws Exception {
    Http http = login("moderator");
    Map<String, String> bad = Map.of(
        "sort=highest", "'sort' must be one of newest, oldest, score.",
        "reason=Threat!", "'reason' must be a reason code",
        "language=r", "'language' must be a language code",
        "poster=%01x", "'poster' must be 1 to 512 printable characters.",
        "article=" + "a".repeat(513), "'article' must be 1 to 512 printable characters.",
        "narrative=%20", "'narrative' must be 1 to 200 printable characters.",
        "status=held", "'status' must be one of",
        "limit=201", "'limit' must be an integer from 1 to 200.");
    for (Map.Entry<String, String> entry : bad.entrySet()) {
      HttpResponse<String> response = http.get("/warden/api/queue?" + entry.getKey());
      assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
      assertThat(json(response).get("message").asText()).as(entry.getKey()).startsWith(entry.getValue());
    }
  }

  @Test
  void aPostersHistoryHasTheirCommentsThrottleRefusalsAndSuspension() throws Exception {
    String user = unique("vasyl");
    String poster = "cookie:" + user;
    HeldComment rejected = hold(poster, "h-1", "abuse", 0.9, "eng", null);
    HeldComment pending = hold(poster, "h-2", "threat", 0.8, "eng", null);
    server.comments.reject(rejected.id(), "maria", "spam");
    assertThat(post(user, "First harmless comment, thank you for the report.").statusCode()).isEqualTo(201);
    assertThat(post(user, "Second harmless comment, straight after the first.").statusCode()).isEqualTo(429);
    Http http = login("moderator");
    http.postWithCsrf("/warden/api/posters/" + poster + "/suspend", "{\"for\": \"1h\", \"reason\": \"flood\"}");

    JsonNode history = json(http.get("/warden/api/posters/" + poster + "/history?recent=1"));

    assertThat(history.get("key").asText()).isEqualTo(poster);
    assertThat(history.get("total").asLong()).isEqualTo(2);
    assertThat(history.get("counts").get("pending").asLong()).isEqualTo(1);
    assertThat(history.get("counts").get("rejected").asLong()).isEqualTo(1);
    assertThat(history.get("counts").get("delivered").asLong()).isZero();
    assertThat(history.get("recent")).hasSize(1);
    assertThat(history.get("recent").get(0).get("id").asText()).isEqualTo(pending.id());
    assertThat(history.get("recent").get(0).get("text").asText()).isEqualTo(pending.text());
    assertThat(history.get("throttle").get("refusals").asLong()).isEqualTo(1);
    assertThat(history.get("throttle").get("lastReason").asText()).isEqualTo("too_fast");
    assertThat(history.get("suspension").get("reason").asText()).isEqualTo("flood");
    JsonNode stranger = json(http.get("/warden/api/posters/" + unique("cookie:nobody") + "/history"));
    assertThat(stranger.get("total").asLong()).isZero();
    assertThat(stranger.get("throttle").isNull()).isTrue();
    assertThat(stranger.get("suspension").isNull()).isTrue();
  }

  private static HttpResponse<String> post(String user, String text) throws Exception {
    String body = Http.JSON.createObjectNode().put("author", user).put("text", text).toString();
    return new Http(server.base).post("/articles/city-marathon/comments", body, "Content-Type", "application/json",
        "Cookie", "site_user=" + user);
  }

  @Test
  void moderatorsLeaveNotesOnAPosterForEachOther() throws Exception {
    String poster = unique("ip:2001:db8:1:2:0:0:0:0") + "/64"; // a key with a slash
    Http maria = login("moderator");
    Http chief = login("chief");

    HttpResponse<String> added = maria.postWithCsrf("/warden/api/posters/" + poster + "/notes",
        "{\"text\": \"  Posts <script>alert(1)</script> under every story.  \"}");
    chief.postWithCsrf("/warden/api/posters/" + poster + "/notes", "{\"text\": \"Warned by email.\"}");

    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(json(added).get("author").asText()).isEqualTo("moderator");
    assertThat(json(added).get("text").asText()).isEqualTo("Posts <script>alert(1)</script> under every story.");
    JsonNode notes = json(maria.get("/warden/api/posters/" + poster + "/notes"));
    assertThat(notes.get("key").asText()).isEqualTo(poster);
    assertThat(notes.get("items")).extracting(n -> n.get("author").asText()).containsExactly("chief", "moderator");
    assertThat(notes.get("items").get(0).get("at").asText()).matches("\\d{4}-.*Z");
    for (String body : new String[] {"{}", "{\"text\": \"  \"}", "{\"text\": 5}",
        "{\"text\": \"" + "n".repeat(1001) + "\"}"}) {
      HttpResponse<String> refused = maria.postWithCsrf("/warden/api/posters/" + poster + "/notes", body);
      assertThat(refused.statusCode()).as(body).isEqualTo(400);
      assertThat(json(refused).get("message").asText()).contains("1 to 1000 characters");
    }
    assertThat(maria.postWithCsrf("/warden/api/posters/" + poster + "/notes",
        "{\"text\": \"" + "n".repeat(1000) + "\"}").statusCode()).isEqualTo(201);
  }

  @Test
  void bulkDecisionsReportWhatWasAlreadyDecidedAndWhatIsMissing() throws Exception {
    String poster = unique("cookie:bulk");
    HeldComment a = hold(poster, "b-1", "abuse", 0.9, "eng", null);
    HeldComment b = hold(poster, "b-1", "abuse", 0.9, "eng", null);
    HeldComment taken = hold(poster, "b-1", "abuse", 0.9, "eng", null);
    server.comments.reject(taken.id(), "olga", "spam");
    String missing = "00000000-0000-0000-0000-000000000000";
    Http http = login("moderator");
    int wakes = server.wakes.get();

    HttpResponse<String> response = http.postWithCsrf("/warden/api/comments/bulk", "{\"action\": \"approve\","
        + " \"ids\": [\"" + a.id() + "\", \"" + b.id() + "\", \"" + taken.id() + "\", \"" + missing + "\"]}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode outcome = json(response);
    assertThat(outcome.get("decided")).extracting(JsonNode::asText).containsExactly(a.id(), b.id());
    assertThat(outcome.get("alreadyDecided").get(0).get("id").asText()).isEqualTo(taken.id());
    assertThat(outcome.get("alreadyDecided").get(0).get("status").asText()).isEqualTo("rejected");
    assertThat(outcome.get("alreadyDecided").get(0).get("decidedBy").asText()).isEqualTo("olga");
    assertThat(outcome.get("missing")).extracting(JsonNode::asText).containsExactly(missing);
    assertThat(status(a)).isEqualTo("approved");
    assertThat(status(taken)).isEqualTo("rejected");
    assertThat(server.wakes.get()).isGreaterThan(wakes);

    HeldComment c = hold(poster, "b-1", "abuse", 0.9, "eng", null);
    JsonNode rejected = json(http.postWithCsrf("/warden/api/comments/bulk",
        "{\"action\": \"reject\", \"reason\": \"spam\", \"ids\": [\"" + c.id() + "\"]}"));
    assertThat(rejected.get("decided")).extracting(JsonNode::asText).containsExactly(c.id());
    assertThat(server.comments.find(c.id()).orElseThrow().rejectReason()).isEqualTo("spam");
  }

  @Test
  void badBulkRequestsAnswer400() throws Exception {
    Http http = login("moderator");
    String id = hold(unique("cookie:bad"), "b-2", "abuse", 0.9, "eng", null).id();
    StringBuilder tooMany = new StringBuilder("[");
    for (int i = 0; i <= 200; i++) {
      tooMany.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
    }
    tooMany.append(']');
    for (String body : new String[] {"{\"action\": \"delete\", \"ids\": [\"" + id + "\"]}",
        "{\"action\": \"approve\", \"ids\": []}", "{\"action\": \"approve\"}",
        "{\"action\": \"approve\", \"ids\": [\"../x\"]}", "{\"action\": \"approve\", \"ids\": " + tooMany + "}",
        "{\"action\": \"reject\", \"reason\": \"rude\", \"ids\": [\"" + id + "\"]}"}) {
      assertThat(http.postWithCsrf("/warden/api/comments/bulk", body).statusCode()).as(body).isEqualTo(400);
    }
    assertThat(server.comments.find(id).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
  }

  @Test
  void rejectingAllPendingFromAPosterLeavesEveryoneElse() throws Exception {
    String poster = unique("cookie:flood");
    HeldComment first = hold(poster, "f-1", "abuse", 0.9, "eng", null);
    HeldComment second = hold(poster, "f-2", "abuse", 0.9, "eng", null);
    HeldComment approved = hold(poster, "f-2", "abuse", 0.9, "eng", null);
    server.comments.approve(approved.id(), "olga");
    HeldComment bystander = hold(unique("cookie:bystander"), "f-1", "abuse", 0.9, "eng", null);
    Http http = login("moderator");

    HttpResponse<String> response = http.postWithCsrf("/warden/api/posters/" + poster + "/reject-pending",
        "{\"reason\": \"spam\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode outcome = json(response);
    assertThat(outcome.get("posterKey").asText()).isEqualTo(poster);
    assertThat(outcome.get("decided")).extracting(JsonNode::asText).containsExactly(first.id(), second.id());
    assertThat(outcome.get("remaining").asLong()).isZero();
    assertThat(server.comments.find(second.id()).orElseThrow().rejectReason()).isEqualTo("spam");
    assertThat(status(approved)).isEqualTo("approved");
    assertThat(status(bystander)).isEqualTo("pending");
    assertThat(http.postWithCsrf("/warden/api/posters/" + poster + "/reject-pending", "{\"reason\": \"x\"}")
        .statusCode()).isEqualTo(400);
  }

  @Test
  void undoReturnsADecisionToTheQueueOrFlagsADeliveredComment() throws Exception {
    String poster = unique("cookie:undo");
    HeldComment approved = hold(poster, "u-1", "abuse", 0.9, "eng", null);
    HeldComment delivered = hold(poster, "u-1", "abuse", 0.9, "eng", null);
    HeldComment pending = hold(poster, "u-1", "abuse", 0.9, "eng", null);
    Http http = login("moderator");
    http.postWithCsrf("/warden/api/comments/" + approved.id() + "/approve", null);
    server.comments.approve(delivered.id(), "olga");
    server.comments.markDelivered(delivered.id());

    JsonNode undone = json(undoOnceDelivered(http, approved));
    JsonNode flagged = json(http.postWithCsrf("/warden/api/comments/" + delivered.id() + "/undo", null));
    HttpResponse<String> nothing = http.postWithCsrf("/warden/api/comments/" + pending.id() + "/undo", null);
    HttpResponse<String> unknown = http.postWithCsrf("/warden/api/comments/no-such-comment/undo", null);

    assertThat(undone.get("status").asText()).isEqualTo("pending");
    assertThat(undone.get("decidedBy").isNull()).isTrue();
    assertThat(undone.get("withdrawal").isNull()).isTrue();
    assertThat(flagged.get("status").asText()).isEqualTo("delivered");
    assertThat(flagged.get("withdrawal").get("requestedBy").asText()).isEqualTo("moderator");
    assertThat(nothing.statusCode()).isEqualTo(409);
    assertThat(json(nothing).get("error").asText()).isEqualTo("cannot_undo");
    assertThat(json(nothing).get("message").asText()).isEqualTo("Comment is pending: there is no decision to undo.");
    assertThat(json(nothing).get("comment").get("id").asText()).isEqualTo(pending.id());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(http.get("/warden/api/comments/" + approved.id() + "/undo").statusCode()).isEqualTo(405);
  }

  /**
   * Undoes an approval, retrying while the outbox's delivery attempt (woken by the approval; nobody listens at the
   * release target) holds its claim: the documented 409 "being delivered right now; try again".
   */
  private static HttpResponse<String> undoOnceDelivered(Http http, HeldComment c) throws Exception {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response = http.postWithCsrf("/warden/api/comments/" + c.id() + "/undo", null);
      if (response.statusCode() != 409 || attempt == 50) {
        return response;
      }
      assertThat(json(response).get("message").asText())
          .isEqualTo("The comment is being delivered to the site right now; try again in a moment.");
      Thread.sleep(100);
    }
  }

  @Test
  void aPublisherMayNotModerate() throws Exception {
    String poster = unique("cookie:roles");
    HeldComment held = hold(poster, "r-1", "abuse", 0.9, "eng", null);
    Http publisher = login("publisher");

    List<HttpResponse<String>> responses = List.of(
        publisher.get("/warden/api/queue?poster=" + poster),
        publisher.get("/warden/api/posters/" + poster + "/history"),
        publisher.get("/warden/api/posters/" + poster + "/notes"),
        publisher.postWithCsrf("/warden/api/posters/" + poster + "/notes", "{\"text\": \"hello\"}"),
        publisher.postWithCsrf("/warden/api/posters/" + poster + "/reject-pending", null),
        publisher.postWithCsrf("/warden/api/comments/bulk", "{\"action\": \"reject\", \"ids\": [\"" + held.id()
            + "\"]}"),
        publisher.postWithCsrf("/warden/api/comments/" + held.id() + "/undo", null));

    assertThat(responses).allSatisfy(r -> {
      assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(403);
      assertThat(json(r).get("error").asText()).isEqualTo("forbidden");
    });
    assertThat(status(held)).isEqualTo("pending");
    assertThat(server.warden.posterNotes().list(poster, 10)).isEmpty();
  }

  @Test
  void everyNewActionNeedsTheCsrfToken() throws Exception {
    String poster = unique("cookie:csrf");
    HeldComment held = hold(poster, "c-1", "abuse", 0.9, "eng", null);
    server.comments.reject(held.id(), "olga", "spam");
    HeldComment other = hold(poster, "c-1", "abuse", 0.9, "eng", null);
    Http http = login("moderator");
    String json = "application/json";

    List<HttpResponse<String>> responses = List.of(
        http.post("/warden/api/posters/" + poster + "/notes", "{\"text\": \"hello\"}", "Content-Type", json),
        http.post("/warden/api/posters/" + poster + "/reject-pending", null),
        http.post("/warden/api/comments/bulk", "{\"action\": \"approve\", \"ids\": [\"" + other.id() + "\"]}",
            "Content-Type", json, "X-CSRF-Token", "wrong"),
        http.post("/warden/api/comments/" + held.id() + "/undo", null));

    assertThat(responses).allSatisfy(r -> {
      assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(403);
      assertThat(json(r).get("error").asText()).isEqualTo("csrf");
    });
    assertThat(status(held)).isEqualTo("rejected");
    assertThat(status(other)).isEqualTo("pending");
    assertThat(server.warden.posterNotes().list(poster, 10)).isEmpty();
  }
}
