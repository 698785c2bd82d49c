package dev.warden.plugin.store;

import java.util.List;
import java.util.Optional;

/**
 * Moderators' saved queue views, per user. Every method commits before it returns; implementations are thread-safe
 * and may be shared by several web nodes. Failures to reach the database surface as {@link StoreException}.
 */
public interface SavedViews {
  /** The longest view name, in characters. */
  int MAX_NAME = 80;
  /** The longest query string, in characters. */
  int MAX_QUERY = 2000;
  /** The most views one user may keep. */
  int MAX_PER_USER = 100;

  /** A user's views, by name. */
  List<SavedView> list(String user);

  /**
   * Saves a view, replacing the user's view of the same name.
   *
   * @throws IllegalArgumentException naming the argument, for a blank or over-long user (over 100 characters) or
   *     name, an over-long query, control characters in any of them, or a new name beyond {@link #MAX_PER_USER}
   */
  SavedView save(String user, String name, String query);

  /** Deletes a user's view; empty if there was none of that name, else the deleted view. */
  Optional<SavedView> delete(String user, String name);
}
