package dev.warden.plugin.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything Warden stores about one poster key, for a data-subject access request: their comments in every status
 * (text, author, article, raw submission, scores, reason, decision and times), moderators' notes about them, their
 * suspension (in force or lifted), and the audit events about them or their comments. Immutable.
 *
 * @param posterKey the poster key asked about
 * @param exportedAt when the export was read
 * @param comments their stored comments, oldest first
 * @param notes moderators' notes about them, oldest first
 * @param suspensions their suspension, in force or lifted (a key has at most one stored suspension)
 * @param audit audit events about the poster key or any of their stored comments, oldest first
 */
public record PosterData(String posterKey, Instant exportedAt, List<HeldComment> comments, List<PosterNote> notes,
    List<SuspensionRecord> suspensions, List<AuditEvent> audit) {
  public PosterData {
    Objects.requireNonNull(posterKey, "posterKey");
    Objects.requireNonNull(exportedAt, "exportedAt");
    comments = List.copyOf(comments);
    notes = List.copyOf(notes);
    suspensions = List.copyOf(suspensions);
    audit = List.copyOf(audit);
  }

  /** True if nothing at all is stored about the poster key. */
  public boolean isEmpty() {
    return comments.isEmpty() && notes.isEmpty() && suspensions.isEmpty() && audit.isEmpty();
  }

  /**
   * A stored suspension with how it ended.
   *
   * @param suspension who suspended the poster, when, until when and why
   * @param liftedAt when a moderator lifted it early, or null
   * @param liftedBy who lifted it, or null
   */
  public record SuspensionRecord(Suspension suspension, Instant liftedAt, String liftedBy) {
    public SuspensionRecord {
      Objects.requireNonNull(suspension, "suspension");
    }
  }
}
