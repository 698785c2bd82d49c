package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test comments. */
public final class Comments {
  private Comments() {}

  /** A held form post on an article, received at the given time. */
  public static NewComment held(String article, String text, Instant receivedAt) {
    return comment(article, text, Decision.HOLD, receivedAt);
  }

  /** A comment the policy rejected. */
  public static NewComment rejected(String article, String text, Instant receivedAt) {
    return comment(article, text, Decision.REJECT, receivedAt);
  }

  /** A held comment of a coordinated-campaign group, or a rejected one if {@code rejected}. */
  public static NewComment inGroup(String group, String text, Instant receivedAt, boolean rejected) {
    NewComment c = comment("war-in-sudan", text, rejected ? Decision.REJECT : Decision.HOLD, receivedAt);
    return new NewComment(c.articleId(), c.posterKey(), c.author(), c.text(), c.submission(), c.scores(),
        c.explanation(), c.decision(), "coordinated", c.receivedAt(), group);
  }

  private static NewComment comment(String article, String text, Decision decision, Instant receivedAt) {
    byte[] body = ("author=Olena&text=" + text).getBytes(StandardCharsets.UTF_8);
    Submission submission = new Submission("POST", "/articles/" + article + "/comments",
        "application/x-www-form-urlencoded; charset=UTF-8", body);
    return new NewComment(article, "ip:203.0.113.7", "Olena", text, submission,
        Map.of("abuse", 0.91, "disinformation", 0.125),
        Map.of("model", "warden-en-1", "terms", Map.of("abuse", List.of("idiot", "traitor"))),
        decision, decision == Decision.REJECT ? "abuse" : "abuse_hold", receivedAt);
  }
}
