package dev.warden.plugin.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A comment the filter decided to hold or reject, as handed to {@link HeldCommentStore#save(NewComment)}.
 *
 * @param articleId the article the comment was posted on; at most {@value #MAX_ARTICLE_ID} characters
 * @param posterKey who posted it (user id, site id or client address; see the poster key chain)
 * @param author the author name the reader gave (may be empty)
 * @param text the comment text as written
 * @param submission the original HTTP submission, for replay on approval; its content type at most {@value
 *     #MAX_CONTENT_TYPE} characters
 * @param scores score per label, e.g. {@code abuse -> 0.93}
 * @param explanation why: top terms per label, reason codes, model version (a JSON-friendly map)
 * @param decision {@link Decision#HOLD} or {@link Decision#REJECT}
 * @param reason a short reason code, e.g. {@code abuse}, {@code disinformation}, {@code classifier_error}
 * @param receivedAt when the filter received it
 * @param group the coordinated-campaign group this comment belongs to (throttle reason {@code coordinated}), else
 *     null; at most 64 characters
 */
public record NewComment(
    String articleId,
    String posterKey,
    String author,
    String text,
    Submission submission,
    Map<String, Double> scores,
    Map<String, Object> explanation,
    Decision decision,
    String reason,
    Instant receivedAt,
    String group) {
  /** The longest article id the store keeps (a column of 512 characters). */
  public static final int MAX_ARTICLE_ID = 512;
  /** The longest {@code Content-Type} of a submission the store keeps (a column of 512 characters). */
  public static final int MAX_CONTENT_TYPE = 512;
  private static final int MAX_GROUP = 64;

  public NewComment {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(posterKey, "posterKey");
    author = author == null ? "" : author;
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(submission, "submission");
    // Checked here, before a store acknowledges anything, not by the database after (the H2 journal answers first).
    if (articleId.length() > MAX_ARTICLE_ID) {
      throw new IllegalArgumentException("articleId is longer than " + MAX_ARTICLE_ID + " characters");
    }
    if (submission.contentType() != null && submission.contentType().length() > MAX_CONTENT_TYPE) {
      throw new IllegalArgumentException("the submission's content type is longer than " + MAX_CONTENT_TYPE
          + " characters");
    }
    scores = Map.copyOf(scores);
    explanation = Map.copyOf(explanation);
    Objects.requireNonNull(decision, "decision");
    if (decision == Decision.ALLOW) {
      throw new IllegalArgumentException("allowed comments are not stored");
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (group != null && (group.isBlank() || group.length() > MAX_GROUP)) {
      throw new IllegalArgumentException("group must be null or a non-blank id of at most " + MAX_GROUP
          + " characters, got " + group.length() + " characters");
    }
  }

  /** A comment that is not part of a coordinated group (the parameter list before groups existed). */
  public NewComment(String articleId, String posterKey, String author, String text, Submission submission,
      Map<String, Double> scores, Map<String, Object> explanation, Decision decision, String reason,
      Instant receivedAt) {
    this(articleId, posterKey, author, text, submission, scores, explanation, decision, reason, receivedAt, null);
  }
}
