package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.Submission;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Privacy requests over real HTTP: a poster's data exported and erased by an admin, and by nobody else. */
class PrivacyApiTest {
  private static final AtomicInteger POSTERS = new AtomicInteger();

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

  private static Http login(String user) throws Exception {
    Http http = new Http(server.base);
    assertThat(http.login(user, PASSWORD).statusCode()).isEqualTo(200);
    return http;
  }

  /** A poster key no other test uses (the server and its database are shared by the tests). */
  private static String newPoster() {
    return "user:reader-" + POSTERS.incrementAndGet() + "@example";
  }

  private static HeldComment hold(String poster, String text) {
    byte[] body = ("author=Olena&text=" + text).getBytes(StandardCharsets.UTF_8);
    Submission submission = new Submission("POST", "/articles/kyiv-live/comments",
        "application/x-www-form-urlencoded; charset=UTF-8", body);
    return server.comments.save(new NewComment("kyiv-live", poster, "Olena", text, submission,
        Map.of("abuse", 0.93), Map.of("model", "test"), Decision.HOLD, "abuse", Instant.now()));
  }

  /** A poster with two comments (one rejected), a note and a suspension in force. */
  private static List<HeldComment> posterWithHistory(String poster) {
    HeldComment rejected = hold(poster, "first comment of " + poster);
    server.comments.reject(rejected.id(), "moderator", "insult");
    HeldComment pending = hold(poster, "second comment of " + poster);
    server.warden.posterNotes().add(poster, "moderator", "note about " + poster);
    server.warden.suspensions().suspend(poster, Instant.now().plus(Duration.ofDays(1)), "reason about " + poster,
        "moderator");
    return List.of(rejected, pending);
  }

  @Test
  void onlyAnAdminMayExportOrErase() throws Exception {
    String poster = newPoster();
    HeldComment held = hold(poster, "kept");

    for (String user : new String[] {"moderator", "publisher"}) {
      Http http = login(user);
      HttpResponse<String> export = http.get("/warden/api/posters/" + poster + "/export");
      HttpResponse<String> erase = http.deleteWithCsrf("/warden/api/posters/" + poster + "/data");

      assertThat(export.statusCode()).as(user).isEqualTo(403);
      assertThat(erase.statusCode()).as(user).isEqualTo(403);
      assertThat(json(erase).get("message").asText()).contains("admin role");
    }
    assertThat(new Http(server.base).get("/warden/api/posters/" + poster + "/export").statusCode()).isEqualTo(401);
    assertThat(server.comments.find(held.id())).isPresent();
  }

  @Test
  void anExportIsAJsonAttachmentOfEverythingAboutThePosterAndIsAudited() throws Exception {
    String poster = newPoster();
    String other = newPoster();
    List<HeldComment> comments = posterWithHistory(poster);
    posterWithHistory(other);

    HttpResponse<String> response = login("chief").get("/warden/api/posters/" + poster + "/export");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/json"));
    assertThat(response.headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"warden-poster-export.json\"");
    JsonNode body = json(response);
    assertThat(body.get("posterKey").asText()).isEqualTo(poster);
    assertThat(body.get("comments")).hasSize(2);
    JsonNode first = body.get("comments").get(0);
    assertThat(first.get("id").asText()).isEqualTo(comments.get(0).id());
    assertThat(first.get("text").asText()).isEqualTo("first comment of " + poster);
    assertThat(first.get("status").asText()).isEqualTo("rejected");
    assertThat(first.get("rejectReason").asText()).isEqualTo("insult");
    assertThat(first.get("scores").get("abuse").asDouble()).isEqualTo(0.93);
    assertThat(new String(Base64.getDecoder().decode(first.get("submission").get("bodyBase64").asText()),
        StandardCharsets.UTF_8)).isEqualTo("author=Olena&text=first comment of " + poster);
    assertThat(body.get("comments").get(1).get("status").asText()).isEqualTo("pending");
    assertThat(body.get("notes")).singleElement().satisfies(n ->
        assertThat(n.get("text").asText()).isEqualTo("note about " + poster));
    assertThat(body.get("suspensions")).singleElement().satisfies(s ->
        assertThat(s.get("reason").asText()).isEqualTo("reason about " + poster));
    assertThat(body.get("audit").findValuesAsText("action")).containsExactlyInAnyOrder("reject", "note", "suspend");
    assertThat(response.body()).doesNotContain(other);

    JsonNode audit = json(login("chief").get("/warden/api/audit?action=export_poster&target=" + poster));
    assertThat(audit.get("items")).singleElement().satisfies(e ->
        assertThat(e.get("actor").asText()).isEqualTo("chief"));
  }

  @Test
  void anErasureNeedsTheCsrfToken() throws Exception {
    String poster = newPoster();
    HeldComment held = hold(poster, "still here");
    Http chief = login("chief");

    HttpResponse<String> response = chief.delete("/warden/api/posters/" + poster + "/data");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).get("error").asText()).isEqualTo("csrf");
    assertThat(server.comments.find(held.id())).isPresent();
  }

  @Test
  void anErasureAnswersCountsAndLeavesTheKeyNowhereInTheAuditTrail() throws Exception {
    String poster = newPoster();
    List<HeldComment> comments = posterWithHistory(poster);
    Http chief = login("chief");

    HttpResponse<String> response = chief.deleteWithCsrf("/warden/api/posters/" + poster + "/data");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("comments").asInt()).isEqualTo(2);
    assertThat(body.get("notes").asInt()).isEqualTo(1);
    assertThat(body.get("suspensions").asInt()).isEqualTo(1);
    assertThat(body.get("auditEvents").asInt()).isEqualTo(2);
    String pseudonym = body.get("pseudonym").asText();
    assertThat(pseudonym).matches("sha256:[0-9a-f]{16}");
    for (HeldComment c : comments) {
      assertThat(server.comments.find(c.id())).isEmpty();
    }
    assertThat(server.warden.suspensions().find(poster, Instant.now())).isEmpty();
    JsonNode export = json(chief.get("/warden/api/posters/" + poster + "/export"));
    assertThat(export.get("comments")).isEmpty();
    assertThat(export.get("notes")).isEmpty();
    assertThat(export.get("suspensions")).isEmpty();
    assertThat(export.get("audit")).as("an export that found nothing is not audited under the key").isEmpty();

    HttpResponse<String> audit = chief.get("/warden/api/audit?limit=200");
    assertThat(audit.body()).doesNotContain(poster);
    JsonNode erasure = json(chief.get("/warden/api/audit?action=erase_poster&target=" + pseudonym)).get("items");
    assertThat(erasure).singleElement().satisfies(e -> {
      assertThat(e.get("actor").asText()).isEqualTo("chief");
      assertThat(e.get("targetType").asText()).isEqualTo("poster");
      assertThat(e.get("detail").asText()).startsWith("comments 2, notes 1, suspensions 1");
    });
  }

  @Test
  void theDataEndpointOnlyDeletes() throws Exception {
    HttpResponse<String> response = login("chief").get("/warden/api/posters/" + newPoster() + "/data");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("DELETE");
  }
}
