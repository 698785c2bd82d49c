package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.admin.PasswordHasher;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * {@code deploy/target/warden-demo.war} in a standalone Apache Tomcat 10.1 (the distribution from Maven Central,
 * unpacked by the build), with only configuration added: a context file names the demo's warden.yaml in the
 * context parameter {@code warden.config}. Warden's filter and admin UI must install themselves from
 * {@code WEB-INF/lib}, hold a comment, let a moderator approve it over the admin API, and deliver it to the site
 * through the release replay. Failures carry Tomcat's log.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TomcatWarIT {
  static final String PASSWORD = "correct horse battery staple";
  static final String CONFLICT = "belarus-troops-border";
  static final String ABUSE = "You are a pathetic idiot and worthless scum, shut up you stupid moron.";

  static StandaloneTomcat tomcat;

  /** Appends Tomcat's log to any failure, so a CI run shows what the container said. */
  @RegisterExtension
  static final TestExecutionExceptionHandler WITH_TOMCAT_LOG = (ExtensionContext context, Throwable failure) -> {
    AssertionError withLog = new AssertionError(failure.getMessage() + "\n--- Tomcat log ---\n"
        + (tomcat == null ? "(not started)" : tomcat.log()), failure);
    throw withLog;
  };

  static Path war() {
    return Path.of(System.getProperty("warden.test.war", "target/warden-demo.war"));
  }

  @BeforeAll
  static void deployTheWarIntoTomcat() throws Exception {
    Path home = Path.of(System.getProperty("warden.test.catalina-home", "target/tomcat/apache-tomcat"));
    assertThat(war()).as("the WAR built by mvn package").isRegularFile();
    Path work = Files.createTempDirectory(Path.of("target"), "tomcat-it-");
    tomcat = StandaloneTomcat.prepare(home, work.resolve("base"));
    Path dataDir = work.resolve("data").toAbsolutePath();
    Files.createDirectories(dataDir);
    // The demo's own warden.yaml: H2 store in the data dir, release replay to this Tomcat, one moderator.
    Path config = new DemoWardenConfig(new SecureRandom())
        .write(dataDir, "127.0.0.1", tomcat.port(), PasswordHasher.hash(PASSWORD.toCharArray()));
    tomcat.deployRoot(war(), Map.of("warden.config", config.toString(), "demo.data-dir", dataDir.toString()));
    tomcat.start("/articles/" + CONFLICT, Duration.ofMinutes(2));
  }

  @AfterAll
  static void stopTomcat() throws Exception {
    if (tomcat != null) {
      tomcat.close();
    }
  }

  static DemoHttp client() {
    return new DemoHttp(tomcat.baseUri());
  }

  @Test
  void theWarLeavesTheServletApiAndJettyToTheContainer() throws Exception {
    try (ZipFile zip = new ZipFile(war().toFile())) {
      List<String> libs = zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("WEB-INF/lib/")).toList();

      assertThat(libs).anyMatch(n -> n.contains("warden-plugin")).anyMatch(n -> n.contains("warden-admin-ui"))
          .noneMatch(n -> n.contains("jetty")).noneMatch(n -> n.contains("servlet-api"));
      assertThat(zip.getEntry("WEB-INF/web.xml")).isNotNull();
    }
  }

  @Test
  void aHarmlessCommentIsPublishedAtOnce() throws Exception {
    DemoHttp reader = client();
    String text = "Thank you for reporting from the border. Stay safe, everyone there.";

    HttpResponse<String> post = reader.postForm("/articles/" + CONFLICT + "/comments",
        Map.of("author", "Olena", "text", text));

    assertThat(post.statusCode()).as("post: %s", post.body()).isEqualTo(303);
    assertThat(reader.published(CONFLICT, text)).isEqualTo(1);
  }

  @Test
  void anAbusiveFormPostIsHeldWithARedirectToThePendingNotice() throws Exception {
    DemoHttp reader = client();
    String text = ABUSE + " Held from a form.";

    HttpResponse<String> post = reader.postForm("/articles/" + CONFLICT + "/comments",
        Map.of("author", "Troll", "text", text));

    assertThat(post.statusCode()).isEqualTo(303);
    assertThat(post.headers().firstValue("Location").orElseThrow()).contains("comment=pending");
    assertThat(reader.published(CONFLICT, text)).isZero();
  }

  @Test
  void theAdminApiRefusesAnonymousCallsAndServesTheConsole() throws Exception {
    DemoHttp anonymous = client();

    assertThat(anonymous.get("/warden/api/queue?status=pending").statusCode()).isEqualTo(401);
    HttpResponse<String> console = anonymous.get("/warden/admin/");
    assertThat(console.statusCode()).isEqualTo(200);
    assertThat(console.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
  }

  @Test
  void aHeldCommentApprovedByAModeratorIsDeliveredToTheArticle() throws Exception {
    String text = ABUSE + " Approved in Tomcat.";
    HttpResponse<String> post = client().postJson("/articles/" + CONFLICT + "/comments",
        DemoHttp.JSON.writeValueAsString(Map.of("author", "Test", "text", text)));
    assertThat(post.statusCode()).as("post: %s", post.body()).isEqualTo(202);
    assertThat(DemoHttp.JSON.readTree(post.body()).get("status").asText()).isEqualTo("pending");
    String id = DemoHttp.JSON.readTree(post.body()).get("id").asText();
    DemoHttp moderator = client();
    moderator.login(DemoServer.MODERATOR, PASSWORD);
    assertThat(moderator.inQueue("pending", id)).isTrue();
    assertThat(moderator.published(CONFLICT, text)).isZero();

    HttpResponse<String> approve = moderator.approve(id);

    assertThat(approve.statusCode()).as("approve: %s", approve.body()).isEqualTo(200);
    DemoHttp.await("the approved comment is on the article", () -> moderator.published(CONFLICT, text) == 1);
    DemoHttp.await("it is marked delivered", () -> moderator.inQueue("delivered", id));
    assertThat(moderator.get("/articles/" + CONFLICT).body()).containsOnlyOnce("Approved in Tomcat.");
  }

  @Test
  void anApprovalWithoutTheCsrfTokenIsRefused() throws Exception {
    HttpResponse<String> post = client().postJson("/articles/" + CONFLICT + "/comments",
        DemoHttp.JSON.writeValueAsString(Map.of("author", "Test", "text", ABUSE + " No token.")));
    String id = DemoHttp.JSON.readTree(post.body()).get("id").asText();
    DemoHttp moderator = client();
    moderator.login(DemoServer.MODERATOR, PASSWORD);

    HttpResponse<String> approve = moderator.send(moderator.request("/warden/api/comments/" + id + "/approve")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(approve.statusCode()).isEqualTo(403);
    assertThat(moderator.inQueue("pending", id)).isTrue();
  }
}
