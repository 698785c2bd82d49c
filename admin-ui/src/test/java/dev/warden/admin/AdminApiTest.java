package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.HeldComment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin JSON API over real HTTP: login, sessions, CSRF, the queue and decisions. */
class AdminApiTest {
  @TempDir static Path dataDir;
  static AdminServer server;

  @BeforeAll
  static void start() throws Exception {
    server = AdminServer.start(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private Http moderator() throws Exception {
    Http http = new Http(server.base);
    assertThat(http.login("moderator", PASSWORD).statusCode()).isEqualTo(200);
    return http;
  }

  @Test
  void everyEndpointNeedsALogin() throws Exception {
    Http anonymous = new Http(server.base);
    HeldComment held = server.hold("war-in-ukraine", "anonymous cannot see me");

    for (String path : new String[] {"/warden/api/queue", "/warden/api/counts", "/warden/api/session",
        "/warden/api/comments/" + held.id(), "/warden/api/articles/war-in-ukraine"}) {
      HttpResponse<String> response = anonymous.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(json(response).get("error").asText()).isEqualTo("unauthenticated");
    }
    HttpResponse<String> approve = anonymous.post("/warden/api/comments/" + held.id() + "/approve", null);
    assertThat(approve.statusCode()).isEqualTo(401);
    assertThat(server.comments.find(held.id()).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSame401() throws Exception {
    HttpResponse<String> wrong = new Http(server.base).login("moderator", "not the password");
    HttpResponse<String> unknown = new Http(server.base).login("nobody-" + System.nanoTime(), "whatever");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(json(wrong).get("error").asText()).isEqualTo("bad_credentials");
    assertThat(unknown.body()).isEqualTo(wrong.body());
    assertThat(Http.sessionSetCookie(wrong)).isEmpty();
  }

  @Test
  void loginSetsAHardenedSessionCookieAndANewSessionId() throws Exception {
    Http http = new Http(server.base);
    HttpResponse<String> first = http.login("moderator", PASSWORD);
    String firstCookie = http.sessionCookie;
    String setCookie = Http.sessionSetCookie(first).orElseThrow();
    assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    JsonNode body = json(first);
    assertThat(body.get("user").asText()).isEqualTo("moderator");
    assertThat(body.get("roles").toString()).isEqualTo("[\"moderator\"]");
    assertThat(body.get("csrfToken").asText()).matches("[A-Za-z0-9_-]{43}");

    // Logging in again inside an existing session must rotate its id (no session fixation).
    HttpResponse<String> second = http.login("moderator", PASSWORD);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(http.sessionCookie).isNotEqualTo(firstCookie);
    Http stale = new Http(server.base);
    stale.sessionCookie = firstCookie;
    assertThat(stale.get("/warden/api/session").statusCode()).isEqualTo(401);
    assertThat(http.get("/warden/api/session").statusCode()).isEqualTo(200);
  }

  @Test
  void sessionEndpointAnswersTheUserAndLogoutEndsIt() throws Exception {
    Http http = moderator();
    JsonNode session = json(http.get("/warden/api/session"));
    assertThat(session.get("user").asText()).isEqualTo("moderator");
    assertThat(session.get("csrfToken").asText()).isEqualTo(http.csrf);

    assertThat(http.post("/warden/api/logout", null).statusCode()).isEqualTo(403);
    assertThat(http.postWithCsrf("/warden/api/logout", null).statusCode()).isEqualTo(200);
    assertThat(http.get("/warden/api/session").statusCode()).isEqualTo(401);
  }

  @Test
  void queueListsTheHeldCommentWithScoresTermsAndReason() throws Exception {
    HeldComment held = server.hold("queue-article", "you idiot, read the news");
    Http http = moderator();

    HttpResponse<String> response = http.get("/warden/api/queue?status=pending&limit=200&offset=0");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    JsonNode page = json(response);
    assertThat(page.get("limit").asInt()).isEqualTo(200);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
    JsonNode item = null;
    for (JsonNode candidate : page.get("items")) {
      if (candidate.get("id").asText().equals(held.id())) {
        item = candidate;
      }
    }
    assertThat(item).as("held comment in the queue").isNotNull();
    assertThat(item.get("text").asText()).isEqualTo("you idiot, read the news");
    assertThat(item.get("articleId").asText()).isEqualTo("queue-article");
    assertThat(item.get("status").asText()).isEqualTo("pending");
    assertThat(item.get("scores").get("abuse").asDouble()).isEqualTo(0.93);
    assertThat(item.get("terms").get("abuse").get(0).get("text").asText()).isEqualTo("idiot");
    assertThat(item.get("reasonText").asText())
        .isEqualTo("Held: abuse score 0.93 is above the conflict policy's hold threshold 0.50");
    assertThat(item.get("receivedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

    JsonNode counts = json(http.get("/warden/api/counts"));
    assertThat(counts.get("pending").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(counts.has("delivery_failed")).isTrue();
    assertThat(json(http.get("/warden/api/comments/" + held.id())).get("id").asText()).isEqualTo(held.id());
  }

  @Test
  void approveWithoutCsrfTokenIsForbiddenAndTheCommentStaysPending() throws Exception {
    HeldComment held = server.hold("csrf-article", "approve me only with a token");
    Http http = moderator();

    HttpResponse<String> none = http.post("/warden/api/comments/" + held.id() + "/approve", null);
    HttpResponse<String> wrong = http.post("/warden/api/comments/" + held.id() + "/approve", null,
        "X-CSRF-Token", http.csrf.substring(1) + "x");

    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(json(none).get("error").asText()).isEqualTo("csrf");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(server.comments.find(held.id()).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
  }

  @Test
  void approveRecordsTheModeratorWakesTheReleaserAndASecondApproveConflicts() throws Exception {
    HeldComment held = server.hold("approve-article", "a fair point, badly put");
    Http http = moderator();
    int wakesBefore = server.wakes.get();

    HttpResponse<String> approved = http.postWithCsrf("/warden/api/comments/" + held.id() + "/approve", null);
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(json(approved).get("status").asText()).isEqualTo("approved");
    assertThat(json(approved).get("decidedBy").asText()).isEqualTo("moderator");
    HeldComment stored = server.comments.find(held.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(CommentStatus.APPROVED);
    assertThat(stored.decidedBy()).isEqualTo("moderator");
    assertThat(server.wakes.get()).isEqualTo(wakesBefore + 1);
    // The outbox polls hourly in this config, so a delivery attempt this soon means the approval woke it
    // (the release target refuses connections, so the attempt fails and the comment stays approved).
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
    while (server.comments.find(held.id()).orElseThrow().deliveryAttempts() == 0 && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // poll for the async delivery attempt
    }
    assertThat(server.comments.find(held.id()).orElseThrow().deliveryAttempts()).isEqualTo(1);

    HttpResponse<String> again = http.postWithCsrf("/warden/api/comments/" + held.id() + "/approve", null);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("error").asText()).isEqualTo("already_decided");
    assertThat(json(again).get("message").asText()).contains("decided by moderator");
    HttpResponse<String> reject = http.postWithCsrf("/warden/api/comments/" + held.id() + "/reject", null);
    assertThat(reject.statusCode()).isEqualTo(409);
  }

  @Test
  void rejectStoresTheReasonAndValidatesIt() throws Exception {
    HeldComment held = server.hold("reject-article", "buy cheap watches");
    Http http = moderator();

    HttpResponse<String> bad = http.postWithCsrf("/warden/api/comments/" + held.id() + "/reject",
        "{\"reason\":\"because\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    HttpResponse<String> rejected = http.postWithCsrf("/warden/api/comments/" + held.id() + "/reject",
        "{\"reason\":\"spam\"}");

    assertThat(rejected.statusCode()).isEqualTo(200);
    assertThat(json(rejected).get("status").asText()).isEqualTo("rejected");
    HeldComment stored = server.comments.find(held.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(CommentStatus.REJECTED);
    assertThat(stored.rejectReason()).isEqualTo("spam");
    assertThat(stored.decidedBy()).isEqualTo("moderator");
  }

  @Test
  void unknownCommentsAnswer404() throws Exception {
    Http http = moderator();
    assertThat(http.get("/warden/api/comments/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
    assertThat(http.postWithCsrf("/warden/api/comments/00000000-0000-0000-0000-000000000000/approve", null)
        .statusCode()).isEqualTo(404);
    assertThat(http.get("/warden/api/comments/..%2F..%2Fetc").statusCode()).isIn(400, 404);
    assertThat(http.get("/warden/api/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void invalidQueueParametersAnswer400WithAMessage() throws Exception {
    Http http = moderator();
    for (String query : new String[] {"status=waiting", "limit=0", "limit=201", "limit=ten", "offset=-1"}) {
      HttpResponse<String> response = http.get("/warden/api/queue?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(json(response).get("message").asText()).as(query).isNotBlank();
    }
  }

  @Test
  void malformedOrOversizedBodiesAnswer4xxNever500() throws Exception {
    Http anonymous = new Http(server.base);
    HttpResponse<String> notJson = anonymous.post("/warden/api/login", "{\"username\": ",
        "Content-Type", "application/json");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(json(notJson).get("error").asText()).isEqualTo("bad_request");
    HttpResponse<String> form = anonymous.post("/warden/api/login", "username=moderator&password=x",
        "Content-Type", "application/x-www-form-urlencoded");
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(anonymous.post("/warden/api/login", "[1,2]", "Content-Type", "application/json").statusCode())
        .isEqualTo(400);

    HeldComment held = server.hold("json-article", "malformed bodies");
    Http http = moderator();
    assertThat(http.postWithCsrf("/warden/api/comments/" + held.id() + "/reject", "{reason: spam}").statusCode())
        .isEqualTo(400);
    String huge = "{\"reason\":\"" + "a".repeat(20_000) + "\"}";
    assertThat(http.postWithCsrf("/warden/api/comments/" + held.id() + "/reject", huge).statusCode())
        .isEqualTo(413);
    assertThat(http.put("/warden/api/articles/a1", "{\"title\":", "Authorization", "Bearer " + AdminServer.API_TOKEN,
        "Content-Type", "application/json").statusCode()).isEqualTo(400);
    assertThat(server.comments.find(held.id()).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
  }

  @Test
  void repeatedFailedLoginsAreThrottledWith429() throws Exception {
    String user = "guesser-" + System.nanoTime();
    Http http = new Http(server.base);
    for (int i = 0; i < 5; i++) {
      assertThat(http.login(user, "guess " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> throttled = http.login(user, "guess 6");

    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(json(throttled).get("error").asText()).isEqualTo("too_many_attempts");
    long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 900L);
    // Another user from the same address is not locked out by the guesser.
    assertThat(new Http(server.base).login("publisher", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void moderatingNeedsTheModeratorRole() throws Exception {
    Http publisher = new Http(server.base);
    assertThat(publisher.login("publisher", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(publisher.get("/warden/api/queue").statusCode()).isEqualTo(403);
    Http chief = new Http(server.base);
    assertThat(chief.login("chief", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(chief.get("/warden/api/queue").statusCode()).isEqualTo(200);
  }

  @Test
  void articlesAreRegisteredWithTheBearerTokenOrAPublisherSession() throws Exception {
    Http cms = new Http(server.base);
    String body = "{\"title\":\"Shelling of Kharkiv\",\"section\":\"world\",\"tags\":[\"ukraine\"],\"conflict\":true}";

    assertThat(cms.put("/warden/api/articles/kharkiv-1", body, "Content-Type", "application/json").statusCode())
        .isEqualTo(401);
    assertThat(cms.put("/warden/api/articles/kharkiv-1", body, "Content-Type", "application/json",
        "Authorization", "Bearer wrong-token-wrong-token").statusCode()).isEqualTo(401);
    HttpResponse<String> created = cms.put("/warden/api/articles/kharkiv-1", body,
        "Content-Type", "application/json", "Authorization", "Bearer " + AdminServer.API_TOKEN);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(server.articles.find("kharkiv-1").orElseThrow().conflict()).isTrue();
    HttpResponse<String> replaced = cms.put("/warden/api/articles/kharkiv-1", "{\"title\":\"Updated\"}",
        "Content-Type", "application/json", "Authorization", "Bearer " + AdminServer.API_TOKEN);
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(json(cms.get("/warden/api/articles/kharkiv-1", "Authorization", "Bearer " + AdminServer.API_TOKEN))
        .get("title").asText()).isEqualTo("Updated");
    assertThat(cms.put("/warden/api/articles/kharkiv-1", "{\"tags\":\"ukraine\"}", "Content-Type",
        "application/json", "Authorization", "Bearer " + AdminServer.API_TOKEN).statusCode()).isEqualTo(400);

    Http moderator = moderator();
    assertThat(moderator.put("/warden/api/articles/kharkiv-2", body, "Content-Type", "application/json",
        "X-CSRF-Token", moderator.csrf).statusCode()).isEqualTo(403);
    Http publisher = new Http(server.base);
    publisher.login("publisher", PASSWORD);
    assertThat(publisher.put("/warden/api/articles/kharkiv-2", body, "Content-Type", "application/json")
        .statusCode()).isEqualTo(403);
    assertThat(publisher.put("/warden/api/articles/kharkiv-2", body, "Content-Type", "application/json",
        "X-CSRF-Token", publisher.csrf).statusCode()).isEqualTo(201);
  }

  @Test
  void wrongMethodsAnswer405() throws Exception {
    Http http = moderator();
    HttpResponse<String> response = http.get("/warden/api/login");
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }
}
