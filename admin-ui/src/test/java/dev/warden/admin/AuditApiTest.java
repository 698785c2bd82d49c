package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.HeldComment;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail through the admin API over real HTTP: every admin action is recorded with its actor, target,
 * time and client address, and {@code GET /audit} lists it, paged and filtered, to every admin role.
 */
class AuditApiTest {
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

  private static String query(String... pairs) {
    StringBuilder q = new StringBuilder("/warden/api/audit?limit=200");
    for (int i = 0; i < pairs.length; i += 2) {
      q.append('&').append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  private static List<JsonNode> events(Http http, String... filters) throws Exception {
    HttpResponse<String> response = http.get(query(filters));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    json(response).get("items").forEach(items::add);
    return items;
  }

  @Test
  void approveAndRejectAreRecordedWithTheModeratorsAddressAndTheComment() throws Exception {
    HeldComment approved = server.hold("audit-article", "approve me");
    HeldComment rejected = server.hold("audit-article", "reject me");
    Http moderator = login("moderator");

    assertThat(moderator.postWithCsrf("/warden/api/comments/" + approved.id() + "/approve", null).statusCode())
        .isEqualTo(200);
    assertThat(moderator.postWithCsrf("/warden/api/comments/" + rejected.id() + "/reject", "{\"reason\":\"spam\"}")
        .statusCode()).isEqualTo(200);

    JsonNode approve = events(moderator, "target", approved.id(), "action", "approve").get(0);
    assertThat(approve.get("action").asText()).isEqualTo("approve");
    assertThat(approve.get("actor").asText()).isEqualTo("moderator");
    assertThat(approve.get("address").asText()).isEqualTo("127.0.0.1");
    assertThat(approve.get("targetType").asText()).isEqualTo("comment");
    assertThat(approve.get("before").asText()).isEqualTo("pending");
    assertThat(approve.get("after").asText()).isEqualTo("approved");
    assertThat(approve.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    JsonNode reject = events(moderator, "target", rejected.id()).get(0);
    assertThat(reject.get("action").asText()).isEqualTo("reject");
    assertThat(reject.get("detail").asText()).isEqualTo("spam");
    assertThat(reject.get("address").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void suspendingLiftingAndRegisteringAnArticleAreRecordedWithTheirTargets() throws Exception {
    Http moderator = login("moderator");
    Http publisher = login("publisher");
    String key = "cookie:audited-" + System.nanoTime();

    moderator.postWithCsrf("/warden/api/posters/" + key + "/suspend", "{\"for\":\"1h\",\"reason\":\"flood\"}");
    moderator.deleteWithCsrf("/warden/api/posters/" + key + "/suspend");
    publisher.put("/warden/api/articles/audited-story", "{\"title\":\"Audited\",\"section\":\"world\"}",
        "Content-Type", "application/json", "X-CSRF-Token", publisher.csrf);
    new Http(server.base).put("/warden/api/articles/cms-story", "{\"title\":\"From the CMS\"}",
        "Content-Type", "application/json", "Authorization", "Bearer " + AdminServer.API_TOKEN);

    List<JsonNode> poster = events(moderator, "target", key);
    assertThat(poster).extracting(e -> e.get("action").asText()).containsExactly("lift", "suspend");
    assertThat(poster).allSatisfy(e -> {
      assertThat(e.get("actor").asText()).isEqualTo("moderator");
      assertThat(e.get("targetType").asText()).isEqualTo("poster");
      assertThat(e.get("address").asText()).isEqualTo("127.0.0.1");
    });
    assertThat(poster.get(1).get("detail").asText()).startsWith("until ").endsWith(": flood");
    JsonNode article = events(moderator, "target", "audited-story").get(0);
    assertThat(article.get("action").asText()).isEqualTo("register_article");
    assertThat(article.get("actor").asText()).isEqualTo("publisher");
    assertThat(article.get("detail").asText()).contains("\"Audited\"", "\"world\"");
    JsonNode cms = events(moderator, "target", "cms-story").get(0);
    assertThat(cms.get("actor").asText()).isEqualTo("api-token");
    assertThat(cms.get("address").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void loginsLogoutsAndFailedLoginsAreRecorded() throws Exception {
    String tried = "<img src=x onerror=alert(1)>" + "x".repeat(30) + System.nanoTime();
    assertThat(new Http(server.base).login(tried, "wrong").statusCode()).isEqualTo(401);
    Http chief = login("chief");
    assertThat(chief.postWithCsrf("/warden/api/logout", null).statusCode()).isEqualTo(200);
    Http reader = login("chief");

    JsonNode failed = events(reader, "action", "login_failed").get(0);
    assertThat(failed.get("actor").asText()).isEqualTo(tried.substring(0, 64) + "…");
    assertThat(failed.get("address").asText()).isEqualTo("127.0.0.1");
    assertThat(failed.get("detail").asText()).startsWith("wrong username or password");
    assertThat(events(reader, "actor", "chief")).extracting(e -> e.get("action").asText())
        .startsWith("login", "logout", "login");
  }

  @Test
  void everyAdminRoleMayReadTheTrailAndNobodyElse() throws Exception {
    for (String user : List.of("moderator", "publisher", "chief")) {
      assertThat(login(user).get("/warden/api/audit").statusCode()).as(user).isEqualTo(200);
    }
    HttpResponse<String> anonymous = new Http(server.base).get("/warden/api/audit");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(json(anonymous).get("error").asText()).isEqualTo("unauthenticated");
    HttpResponse<String> post = login("moderator").postWithCsrf("/warden/api/audit", null);
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void theTrailIsPagedNewestFirstWithItsTotal() throws Exception {
    Http moderator = login("moderator");
    String key = "cookie:paged-" + System.nanoTime();
    for (int i = 0; i < 5; i++) {
      moderator.postWithCsrf("/warden/api/posters/" + key + "/suspend", "{\"for\":\"" + (i + 1) + "h\"}");
    }

    JsonNode first = json(moderator.get("/warden/api/audit?limit=2&offset=0&target=" + key));
    JsonNode last = json(moderator.get("/warden/api/audit?limit=2&offset=4&target=" + key));
    JsonNode all = json(moderator.get("/warden/api/audit?target=" + key));

    assertThat(first.get("total").asLong()).isEqualTo(5);
    assertThat(first.get("limit").asInt()).isEqualTo(2);
    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("items").get(0).get("detail").asText()).isEqualTo(all.get("items").get(0).get("detail")
        .asText());
    assertThat(last.get("items")).hasSize(1);
    assertThat(last.get("offset").asInt()).isEqualTo(4);
    assertThat(all.get("limit").asInt()).as("default page").isEqualTo(50);
    List<String> times = new ArrayList<>();
    all.get("items").forEach(e -> times.add(e.get("at").asText()));
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void filtersCombine() throws Exception {
    Http moderator = login("moderator");
    Http chief = login("chief");
    String key = "cookie:filtered-" + System.nanoTime();
    moderator.postWithCsrf("/warden/api/posters/" + key + "/suspend", "{\"for\":\"1h\"}");
    chief.postWithCsrf("/warden/api/posters/" + key + "/suspend", "{\"for\":\"2h\"}");
    chief.deleteWithCsrf("/warden/api/posters/" + key + "/suspend");

    assertThat(events(chief, "target", key, "actor", "chief")).extracting(e -> e.get("action").asText())
        .containsExactly("lift", "suspend");
    assertThat(events(chief, "target", key, "actor", "chief", "action", "suspend")).hasSize(1);
    assertThat(events(chief, "target", key, "actor", "moderator", "action", "lift")).isEmpty();
    assertThat(events(chief, "target", key, "actor", "")).as("empty is any").hasSize(3);
  }

  @Test
  void badParametersAre400() throws Exception {
    Http moderator = login("moderator");

    for (String bad : List.of("limit=0", "limit=201", "limit=ten", "offset=-1", "offset=1.5",
        "actor=" + "a".repeat(513), "target=%0Aforged", "action=%00")) {
      HttpResponse<String> response = moderator.get("/warden/api/audit?" + bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(json(response).get("error").asText()).isEqualTo("bad_request");
    }
  }

  @Test
  void theAuditPageIsServedUnderTheSamePolicyAsTheQueue() throws Exception {
    Http http = new Http(server.base);
    HttpResponse<String> page = http.get("/warden/admin/audit.html");
    HttpResponse<String> script = http.get("/warden/admin/audit.js");
    HttpResponse<String> style = http.get("/warden/admin/audit.css");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(AdminPageTest.CSP);
    assertThat(page.body()).contains("<script type=\"module\" src=\"audit.js\"></script>").doesNotContain("style=");
    assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
    assertThat(script.body()).doesNotContain(".innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
    assertThat(style.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
  }
}
