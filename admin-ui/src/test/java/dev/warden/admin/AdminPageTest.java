package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static admin page: security headers, the fixed file set, no path traversal. */
class AdminPageTest {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

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

  @Test
  void pageIsServedWithAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = new Http(server.base).get("/warden/admin/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>").doesNotContain("style=");
  }

  @Test
  void scriptAndStylesheetAreServedWithTheirTypes() throws Exception {
    Http http = new Http(server.base);
    HttpResponse<String> js = http.get("/warden/admin/app.js");
    HttpResponse<String> css = http.get("/warden/admin/app.css");

    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
    assertThat(js.body()).doesNotContain("innerHTML =").doesNotContain("insertAdjacentHTML");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
  }

  @Test
  void adminWithoutTrailingSlashRedirects() throws Exception {
    HttpResponse<String> response = new Http(server.base).get("/warden/admin");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/warden/admin/");
  }

  @Test
  void nothingOutsideTheFixedFileSetIsServed() throws Exception {
    Http http = new Http(server.base);
    for (String path : new String[] {
        "/warden/admin/../../WEB-INF/web.xml",
        "/warden/admin/%2e%2e/%2e%2e/WEB-INF/web.xml",
        "/warden/admin/%2e%2e/api/queue",
        "/warden/admin/..%2f..%2fWEB-INF%2fweb.xml",
        "/warden/admin/WEB-INF/web.xml",
        "/warden/admin/dev/warden/admin/static/app.js",
        "/warden/admin/app.js/",
        "/warden/admin/index.html%00.js",
        "/warden/admin/AdminInitializer.class",
        "/warden/admin/static/app.js"}) {
      HttpResponse<String> response = http.get(path);
      // Jetty itself refuses ambiguous encoded segments with 400; everything that reaches the servlet is 404.
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      assertThat(response.body()).as(path).doesNotContain("<web-app").doesNotContain("import ");
    }
    assertThat(http.get("/warden/admin/../../WEB-INF/web.xml").statusCode()).isEqualTo(404);
    assertThat(http.get("/warden/admin/WEB-INF/web.xml").statusCode()).isEqualTo(404);
    assertThat(http.get("/warden/admin/nope.html").statusCode()).isEqualTo(404);
  }

  @Test
  void onlyGetAndHeadAreAllowed() throws Exception {
    HttpResponse<String> response = new Http(server.base).post("/warden/admin/", "x");
    assertThat(response.statusCode()).isEqualTo(405);
  }
}
