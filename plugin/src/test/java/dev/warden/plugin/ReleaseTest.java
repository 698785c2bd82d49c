package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.internal.release.ReleaseSignature;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.ReleaseClaim;
import jakarta.servlet.DispatcherType;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releasing approved comments through the filter: signed replays pass once, anything else is refused. */
class ReleaseTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "/articles/peace-talks/comments";

  @TempDir static Path dataDir;
  static Warden warden;
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String yaml = TestConfigs.yaml(dataDir, "").replace("http://127.0.0.1:9", "http://127.0.0.1:" + port);
    warden = Warden.start(WardenConfig.parse(yaml, name -> null));
    site = TestSite.custom(port, c -> c.addFilter(new FilterHolder(new ModerationFilter(warden)), "/*",
        EnumSet.of(DispatcherType.REQUEST)));
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

  static String body(String text) throws Exception {
    return JSON.writeValueAsString(java.util.Map.of("text", text, "author", "Taras"));
  }

  /** Posts an abusive comment, approves it and claims its delivery as the outbox would. */
  static ReleaseClaim approvedAndClaimed(String body) throws Exception {
    HttpResponse<String> held = site.postJson(PATH, body);
    assertThat(held.statusCode()).isEqualTo(202);
    String id = JSON.readTree(held.body()).get("id").asText();
    warden.comments().approve(id, "moderator");
    ReleaseClaim claim = warden.comments().claimNextDelivery(Duration.ofMinutes(5)).orElseThrow();
    assertThat(claim.comment().id()).isEqualTo(id);
    return claim;
  }

  static String sign(String secret, ReleaseClaim claim, String body) {
    return new ReleaseSignature(secret).sign(claim.comment().id(), claim.nonce(),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void signedReplayReachesTheSiteOnceAndMarksTheCommentDelivered() throws Exception {
    String body = body(ABUSIVE + " (first)");
    ReleaseClaim claim = approvedAndClaimed(body);
    String header = sign(TestConfigs.SECRET, claim, body);

    HttpResponse<String> released = site.postJson(PATH, body, ReleaseSignature.HEADER, header);
    HttpResponse<String> replayed = site.postJson(PATH, body, ReleaseSignature.HEADER, header);

    assertThat(released.statusCode()).isEqualTo(201);
    assertThat(replayed.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(replayed.body()).get("error").asText()).isEqualTo("bad_release_signature");
    assertThat(site.received()).singleElement()
        .satisfies(r -> assertThat(r.bodyText()).isEqualTo(body));
    assertThat(warden.comments().find(claim.comment().id()).orElseThrow().status())
        .isEqualTo(CommentStatus.DELIVERED);
  }

  @Test
  void forgedSignatureIsRefused() throws Exception {
    String body = body(ABUSIVE + " (forged)");
    ReleaseClaim claim = approvedAndClaimed(body);

    HttpResponse<String> forged = site.postJson(PATH, body, ReleaseSignature.HEADER,
        sign("another-secret-of-at-least-32-characters", claim, body));
    HttpResponse<String> tampered = site.postJson(PATH, body(ABUSIVE + " (tampered)"), ReleaseSignature.HEADER,
        sign(TestConfigs.SECRET, claim, body));
    HttpResponse<String> garbage = site.postJson(PATH, body, ReleaseSignature.HEADER, "not-a-signature");

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(tampered.statusCode()).isEqualTo(403);
    assertThat(garbage.statusCode()).isEqualTo(403);
    assertThat(site.received()).isEmpty();
    assertThat(warden.comments().find(claim.comment().id()).orElseThrow().status())
        .isEqualTo(CommentStatus.APPROVED);
  }

  @Test
  void approvedFormCommentIsReplayedByTheOutboxAndTheSiteSeesItsFields() throws Exception {
    HttpResponse<String> held = site.postForm(PATH, "text=" + java.net.URLEncoder.encode(ABUSIVE + " (outbox)",
        StandardCharsets.UTF_8) + "&author=Taras", "Accept", "application/json");
    String id = JSON.readTree(held.body()).get("id").asText();

    warden.comments().approve(id, "moderator");
    warden.wakeReleaser();

    HeldComment delivered = awaitStatus(id, CommentStatus.DELIVERED);
    assertThat(delivered.status()).isEqualTo(CommentStatus.DELIVERED);
    assertThat(site.received()).singleElement().satisfies(r -> {
      assertThat(r.parameters().get("text")).containsExactly(ABUSIVE + " (outbox)");
      assertThat(r.parameters().get("author")).containsExactly("Taras");
      assertThat(r.releaseHeader()).isNotNull();
    });
  }

  static HeldComment awaitStatus(String id, CommentStatus status) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(15);
    HeldComment comment = warden.comments().find(id).orElseThrow();
    while (comment.status() != status && Instant.now().isBefore(deadline)) {
      Thread.sleep(50); // polling an async effect with a deadline, not waiting for time to pass
      comment = warden.comments().find(id).orElseThrow();
    }
    return comment;
  }
}
