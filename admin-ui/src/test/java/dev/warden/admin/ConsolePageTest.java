package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publishers' console page is served like the moderators' page: a fixed file set, the strict
 * Content-Security-Policy, no inline script or style, and no HTML built from strings in its script.
 */
class ConsolePageTest {
  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");

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
  void theConsoleIsServedWithTheStrictContentSecurityPolicyAndNoInlineCode() throws Exception {
    HttpResponse<String> page = new Http(server.base).get("/warden/admin/console.html");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(AdminPageTest.CSP);
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.body()).contains("<script type=\"module\" src=\"console.js\"></script>")
        .doesNotContain("style=").doesNotContain("<style").doesNotContain("onclick").doesNotContain("http");
    assertThat(INLINE_SCRIPT.matcher(page.body()).find()).isFalse();
  }

  @Test
  void itsScriptAndStylesheetAreServedWithTheirTypesAndTheScriptBuildsNoHtmlFromStrings() throws Exception {
    Http http = new Http(server.base);
    HttpResponse<String> js = http.get("/warden/admin/console.js");
    HttpResponse<String> css = http.get("/warden/admin/console.css");

    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
    assertThat(js.body()).doesNotContain(".innerHTML").doesNotContain(".outerHTML")
        .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").doesNotContain("eval(");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    assertThat(css.body()).doesNotContain("@import").doesNotContain("url(http");
  }
}
