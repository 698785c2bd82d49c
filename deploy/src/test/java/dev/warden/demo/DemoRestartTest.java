package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A held comment outlives a restart of the demo on the same data directory and is delivered after it. */
class DemoRestartTest {
  @TempDir Path dataDir;

  @Test
  void aHeldCommentSurvivesARestartAndIsDeliveredAfterIt() throws Exception {
    String text = DemoEndToEndTest.ABUSE + " Held across a restart.";
    String id;
    try (DemoServer first = DemoServer.start(DemoEndToEndTest.options(dataDir))) {
      id = DemoEndToEndTest.hold(new DemoHttp(first.baseUri()), DemoEndToEndTest.CONFLICT, text);
    }

    try (DemoServer second = DemoServer.start(DemoEndToEndTest.options(dataDir))) {
      DemoHttp moderator = new DemoHttp(second.baseUri());
      moderator.login(DemoServer.MODERATOR, DemoEndToEndTest.PASSWORD);
      assertThat(moderator.inQueue("pending", id)).isTrue();

      assertThat(moderator.approve(id).statusCode()).isEqualTo(200);

      DemoHttp.await("the approved comment is published",
          () -> moderator.published(DemoEndToEndTest.CONFLICT, text) == 1);
      DemoHttp.await("it is marked delivered", () -> moderator.inQueue("delivered", id));
    }
  }

  @Test
  void theSiteKeepsItsCommentsAcrossARestartWithWarden() throws Exception {
    String text = "Looking forward to the race on Sunday.";
    try (DemoServer first = DemoServer.start(DemoEndToEndTest.options(dataDir))) {
      assertThat(new DemoHttp(first.baseUri()).postForm("/articles/city-marathon/comments",
          java.util.Map.of("author", "Ana", "text", text)).statusCode()).isEqualTo(303);
    }
    try (DemoServer second = DemoServer.start(DemoEndToEndTest.options(dataDir))) {
      assertThat(new DemoHttp(second.baseUri()).published("city-marathon", text)).isEqualTo(1);
    }
  }
}
