package dev.warden.plugin.store;

import java.util.Objects;

/**
 * What a moderator asks of the queue: one status, an order, optional filters (all of which must match) and a page.
 * Build one with {@link #builder(CommentStatus)}. A filter is null when unused; a given filter is never blank.
 *
 * @param status the status of the comments listed
 * @param sort the order
 * @param reason only comments held or rejected for this reason code (a label or kind such as {@code threat}, or
 *     e.g. {@code unsupported_language}, {@code coordinated})
 * @param articleId only comments on this article
 * @param section only comments on articles the registry files under this section
 * @param language only comments in this detected language (ISO 639-3, e.g. {@code rus})
 * @param narrative only comments that matched this known narrative id
 * @param posterKey only comments of this poster key
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param offset comments skipped before the page, 0 or more
 */
public record QueueQuery(CommentStatus status, QueueSort sort, String reason, String articleId, String section,
    String language, String narrative, String posterKey, int limit, int offset) {
  /** The largest page. */
  public static final int MAX_LIMIT = 1000;

  public QueueQuery {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(sort, "sort");
    requireFilter("reason", reason, 128);
    requireFilter("articleId", articleId, 512);
    requireFilter("section", section, 256);
    requireFilter("language", language, 64);
    requireFilter("narrative", narrative, 200);
    requireFilter("posterKey", posterKey, 512);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
  }

  private static void requireFilter(String name, String value, int max) {
    if (value != null && (value.isBlank() || value.length() > max)) {
      throw new IllegalArgumentException(name + " must be null or 1 to " + max + " characters, not blank");
    }
  }

  /** A query for one status: newest first, no filters, the first 50. */
  public static Builder builder(CommentStatus status) {
    return new Builder(status);
  }

  /** Builds a {@link QueueQuery}; every setter returns the builder. Not thread-safe. */
  public static final class Builder {
    private final CommentStatus status;
    private QueueSort sort = QueueSort.NEWEST;
    private String reason;
    private String articleId;
    private String section;
    private String language;
    private String narrative;
    private String posterKey;
    private int limit = 50;
    private int offset;

    private Builder(CommentStatus status) {
      this.status = status;
    }

    /** The order (default {@link QueueSort#NEWEST}). */
    public Builder sort(QueueSort value) {
      this.sort = value;
      return this;
    }

    /** Only this reason code; null for any. */
    public Builder reason(String value) {
      this.reason = value;
      return this;
    }

    /** Only this article; null for any. */
    public Builder articleId(String value) {
      this.articleId = value;
      return this;
    }

    /** Only articles in this registry section; null for any. */
    public Builder section(String value) {
      this.section = value;
      return this;
    }

    /** Only this detected language (ISO 639-3, any case); null for any. */
    public Builder language(String value) {
      this.language = value;
      return this;
    }

    /** Only comments that matched this narrative id; null for any. */
    public Builder narrative(String value) {
      this.narrative = value;
      return this;
    }

    /** Only this poster key; null for any. */
    public Builder posterKey(String value) {
      this.posterKey = value;
      return this;
    }

    /** The page size (default 50). */
    public Builder limit(int value) {
      this.limit = value;
      return this;
    }

    /** Comments skipped before the page (default 0). */
    public Builder offset(int value) {
      this.offset = value;
      return this;
    }

    /** The query; throws {@link IllegalArgumentException} naming the first bad value. */
    public QueueQuery build() {
      return new QueueQuery(status, sort, reason, articleId, section, language, narrative, posterKey, limit, offset);
    }
  }
}
