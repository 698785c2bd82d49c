package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /warden/metrics} (served by the filter) opens to the session of an {@code admin} logged in to the
 * admin UI, without a scrape token; a moderator's session, a logged-out session and no session get 401.
 */
class MetricsLoginTest {
  @TempDir Path dir;
  AdminServer server;

  @BeforeEach
  void start() throws Exception {
    server = AdminServer.startWithSite(AdminServer.yaml(dir.resolve("data")));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void anAdminLoggedInToTheAdminUiMayReadTheMetrics() throws Exception {
    Http admin = new Http(server.base);
    assertThat(admin.login("chief", PASSWORD).statusCode()).isEqualTo(200);

    HttpResponse<String> metrics = admin.get("/warden/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE warden_classification_seconds");
  }

  @Test
  void aModeratorOrNobodyGets401() throws Exception {
    Http moderator = new Http(server.base);
    assertThat(moderator.login("moderator", PASSWORD).statusCode()).isEqualTo(200);

    assertThat(moderator.get("/warden/metrics").statusCode()).isEqualTo(401);
    assertThat(new Http(server.base).get("/warden/metrics").statusCode()).isEqualTo(401);
  }

  @Test
  void afterLogoutTheSessionNoLongerOpensTheMetrics() throws Exception {
    Http admin = new Http(server.base);
    assertThat(admin.login("chief", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(admin.get("/warden/metrics").statusCode()).isEqualTo(200);

    assertThat(admin.postWithCsrf("/warden/api/logout", "{}").statusCode()).isIn(200, 204);

    assertThat(admin.get("/warden/metrics").statusCode()).isEqualTo(401);
  }
}
