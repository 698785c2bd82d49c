package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static dev.warden.plugin.TestConfigs.BENIGN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.internal.ops.LogContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Log lines about a comment carry its ids in the MDC ({@code warden.request}, {@code warden.comment}), over real
 * HTTP, read from the log events themselves; and nothing is left in the MDC of a pooled thread.
 */
class RequestLogContextTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ARTICLE = "/articles/peace-talks/comments";

  @TempDir Path dataDir;
  final ListAppender<ILoggingEvent> events = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  Warden warden;
  TestSite site;

  @BeforeEach
  void capture() {
    events.start();
    root.addAppender(events);
  }

  @AfterEach
  void stop() throws Exception {
    root.detachAppender(events);
    Closing.all(site, warden);
  }

  /** The captured events whose message mentions {@code text}. */
  List<ILoggingEvent> about(String text) {
    return List.copyOf(events.list).stream().filter(e -> e.getFormattedMessage().contains(text)).toList();
  }

  @Test
  void linesAboutAHeldCommentCarryItsIdAndTheRequestIdTheResponseNames() throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, ""));
    site = TestSite.withFilter(warden);

    HttpResponse<String> held = site.postJson(ARTICLE, JSON.writeValueAsString(Map.of("text", ABUSIVE)),
        "Accept", "application/json");

    assertThat(held.statusCode()).isEqualTo(202);
    String requestId = held.headers().firstValue(LogContext.RESPONSE_HEADER).orElseThrow();
    assertThat(requestId).matches("[0-9a-z]{12}");
    String id = JSON.readTree(held.body()).get("id").asText();
    List<ILoggingEvent> lines = about(id);
    assertThat(lines).isNotEmpty().allSatisfy(line -> {
      assertThat(line.getMDCPropertyMap()).containsEntry(LogContext.REQUEST, requestId);
      assertThat(line.getMDCPropertyMap()).containsEntry(LogContext.COMMENT, id);
    });
    assertThat(lines).noneMatch(line -> line.getFormattedMessage().contains("worthless"));
  }

  @Test
  void eachSubmissionGetsItsOwnRequestId() throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, ""));
    site = TestSite.withFilter(warden);

    String first = site.postJson(ARTICLE, "{\"text\":\"hi\"}").headers()
        .firstValue(LogContext.RESPONSE_HEADER).orElseThrow();
    String second = site.postJson(ARTICLE, "{\"text\":\"hi again\"}").headers()
        .firstValue(LogContext.RESPONSE_HEADER).orElseThrow();

    assertThat(first).isNotEqualTo(second);
    assertThat(site.get("/articles/peace-talks").headers().firstValue(LogContext.RESPONSE_HEADER)).isEmpty();
  }

  @Test
  void theSiteSeesTheRequestIdWhileItHandlesAnAllowedCommentAndNothingAfterwards() throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, ""));
    List<Optional<String>> seen = new CopyOnWriteArrayList<>();
    Filter recorder = (request, response, chain) -> {
      seen.add(Optional.ofNullable(MDC.get(LogContext.REQUEST)));
      chain.doFilter(request, response);
    };
    site = TestSite.custom(0, c -> {
      c.addFilter(new FilterHolder(new ModerationFilter(warden)), "/*", EnumSet.of(DispatcherType.REQUEST));
      c.addFilter(new FilterHolder(recorder), "/*", EnumSet.of(DispatcherType.REQUEST));
    });

    HttpResponse<String> allowed = site.postJson(ARTICLE, JSON.writeValueAsString(Map.of("text", BENIGN)));
    site.get("/articles/peace-talks");

    assertThat(allowed.statusCode()).isEqualTo(201);
    assertThat(seen).containsExactly(allowed.headers().firstValue(LogContext.RESPONSE_HEADER), Optional.empty());
  }

  @Test
  void linesOfTheReleaseOutboxCarryTheIdOfTheCommentItDelivers() throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, "")); // its release target refuses connections
    site = TestSite.withFilter(warden);
    String id = JSON.readTree(site.postJson(ARTICLE, JSON.writeValueAsString(Map.of("text", ABUSIVE)),
        "Accept", "application/json").body()).get("id").asText();
    warden.comments().approve(id, "moderator");

    warden.wakeReleaser();

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (about("release of comment " + id).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50); // the outbox works on its own thread
    }
    assertThat(about("release of comment " + id)).isNotEmpty().allSatisfy(line -> {
      assertThat(line.getThreadName()).isEqualTo("warden-release");
      assertThat(line.getMDCPropertyMap()).containsEntry(LogContext.COMMENT, id);
    });
  }

  @Test
  void noLineShowsTheDatabasePasswordOfTheStoreUrl() throws Exception {
    String password = "url-password-never-logged-77";
    String url = "jdbc:h2:file:" + dataDir.toString().replace('\\', '/') + "/secret;USER=sa;PASSWORD=" + password;
    warden = Warden.start(TestConfigs.config(dataDir, "store: {url: \"" + url + "\"}\n"));

    assertThat(about("Warden started")).hasSize(1);
    assertThat(List.copyOf(events.list)).noneMatch(e -> e.getFormattedMessage().contains(password));
  }

  @Test
  void aScopeRestoresWhatWasThereBeforeIt() {
    try (LogContext.Scope outer = LogContext.request("outer")) {
      try (LogContext.Scope inner = LogContext.comment("c-1")) {
        assertThat(MDC.get(LogContext.REQUEST)).isEqualTo("outer");
        assertThat(MDC.get(LogContext.COMMENT)).isEqualTo("c-1");
      }
      assertThat(MDC.get(LogContext.COMMENT)).isNull();
      LogContext.commentIs("c-2");
    }
    assertThat(MDC.get(LogContext.REQUEST)).isNull();
    assertThat(MDC.get(LogContext.COMMENT)).isNull();
  }
}
