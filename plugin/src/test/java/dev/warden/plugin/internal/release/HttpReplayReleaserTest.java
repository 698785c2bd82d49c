package dev.warden.plugin.internal.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.ReleaseClaim;
import dev.warden.plugin.store.Submission;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signed HTTP replay against a real site on embedded Jetty. */
class HttpReplayReleaserTest {
  static final ReleaseSignature SIGNATURE = new ReleaseSignature(ReleaseOutboxTest.SECRET);

  private SiteServer site;
  private HttpReplayReleaser releaser;

  @BeforeEach
  void startSite() throws Exception {
    site = new SiteServer(SIGNATURE, null);
    releaser = new HttpReplayReleaser(site.uri(), SIGNATURE, Duration.ofSeconds(5));
  }

  @AfterEach
  void stopSite() throws Exception {
    site.close();
  }

  private static ReleaseClaim claim(String method, String path, String contentType, String body) {
    Submission submission = new Submission(method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
    HeldComment comment = new HeldComment("6f1c7a52-0d5e-4d2b-9a57-3c1f00000001", "war-in-sudan", "ip:203.0.113.7",
        "Olena", "text", submission, Map.of(), Map.of(), Decision.HOLD, "abuse", CommentStatus.APPROVED,
        Instant.EPOCH, Instant.EPOCH, "maria", null, 0, null, 3);
    return new ReleaseClaim(comment, "n0nce_-AbC", Instant.EPOCH);
  }

  @Test
  void itReplaysTheSubmissionWithAHeaderTheFilterCanVerify() throws Exception {
    ReleaseClaim claim = claim("PUT", "/articles/war-in-sudan/comments?page=2", "application/json",
        "{\"text\":\"Слава\"}");

    releaser.deliver(claim);

    assertThat(site.received).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("PUT");
      assertThat(r.path()).isEqualTo("/articles/war-in-sudan/comments?page=2");
      assertThat(r.contentType()).isEqualTo("application/json");
      assertThat(r.body()).isEqualTo(claim.comment().submission().body());
      assertThat(SIGNATURE.verify(r.releaseHeader(), r.body()))
          .isEqualTo(new ReleaseSignature.Signed(claim.comment().id(), claim.nonce()));
    });
  }

  @Test
  void noContentTypeIsSentWhenTheReaderSentNone() throws Exception {
    releaser.deliver(claim("POST", "/c", null, "raw"));

    assertThat(site.received.get(0).contentType()).isNull();
  }

  @Test
  void aRedirectIsSuccessAndIsNotFollowed() throws Exception {
    site.status = 303;

    releaser.deliver(claim("POST", "/c", "text/plain", "x"));

    assertThat(site.received).hasSize(1);
  }

  @Test
  void anErrorAnswerFailsWithItsStatus() {
    site.status = 404;

    assertThatThrownBy(() -> releaser.deliver(claim("POST", "/c", "text/plain", "x")))
        .isInstanceOfSatisfying(ReleaseRefusedException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
        .hasMessageContaining("HTTP 404")
        .hasMessageNotContaining("x\"");
  }

  @Test
  void theStoredPathIsResolvedFromTheTargetsOrigin() throws Exception {
    URI targetWithPath = site.uri().resolve("/site/");
    HttpReplayReleaser onContext = new HttpReplayReleaser(targetWithPath, SIGNATURE, Duration.ofSeconds(5));

    onContext.deliver(claim("POST", "/site/articles/a/comments", "text/plain", "x"));

    assertThat(site.received.get(0).path()).isEqualTo("/site/articles/a/comments");
  }

  @Test
  void anUnreachableSiteIsAnIoFailure() throws Exception {
    URI gone = site.uri();
    site.close();

    HttpReplayReleaser toNowhere = new HttpReplayReleaser(gone, SIGNATURE, Duration.ofSeconds(2));

    assertThatThrownBy(() -> toNowhere.deliver(claim("POST", "/c", "text/plain", "x")))
        .isInstanceOf(IOException.class);
  }
}
