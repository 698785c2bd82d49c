package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ordinary stop (SIGTERM, what {@code systemctl stop} and {@code docker stop} send) of the demo on its embedded
 * H2 store: the process ends by the signal within the grace period, H2 is closed by Warden and not under it by
 * H2's own shutdown hook (which left a {@code warden.trace.db} with "Database is already closed" in the data
 * directory on every stop: this test failed so before {@code DB_CLOSE_ON_EXIT=FALSE}), and what was held before
 * the stop is in the queue after a restart.
 */
class DemoGracefulStopTest {
  static final String PASSWORD = "graceful-stop-password";

  @TempDir Path dataDir;

  @Test
  void aStoppedDemoClosesItsH2StoreItselfAndKeepsWhatItHeld() throws Exception {
    DemoNode node = DemoNode.start("first", dataDir, PASSWORD, List.of());
    String id;
    try {
      HttpResponse<String> held = node.http().postJson("/articles/" + DemoEndToEndTest.CONFLICT + "/comments",
          DemoHttp.JSON.writeValueAsString(Map.of("text", DemoEndToEndTest.ABUSE)));
      assertThat(held.statusCode()).as(held.body()).isEqualTo(202);
      id = DemoHttp.JSON.readTree(held.body()).get("id").asText();
    } finally {
      node.close(); // SIGTERM, then up to 10 s to stop
    }
    assertThat(node.exitValue()).as("stopped by the signal, not killed after the 10 s grace").isEqualTo(143);
    assertThat(dataDir.resolve("warden.trace.db")).as("H2's error trace").doesNotExist();

    try (DemoNode again = DemoNode.start("second", dataDir, PASSWORD, List.of())) {
      DemoHttp moderator = again.http();
      moderator.login(DemoServer.MODERATOR, PASSWORD);
      assertThat(moderator.inQueue("pending", id)).isTrue();
    }
  }
}
