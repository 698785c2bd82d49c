package dev.warden.plugin.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A queue filter and sort a moderator saved under a name. The query is opaque to the store: the queue page wrote
 * it and applies it. Immutable.
 *
 * @param user the moderator who saved it
 * @param name its name, unique per user (1 to {@link SavedViews#MAX_NAME} characters)
 * @param query the queue page's query string, without a leading {@code #} or {@code ?} (at most {@link
 *     SavedViews#MAX_QUERY} characters; may be empty for the default queue)
 * @param createdAt when it was saved
 */
public record SavedView(String user, String name, String query, Instant createdAt) {
  public SavedView {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
