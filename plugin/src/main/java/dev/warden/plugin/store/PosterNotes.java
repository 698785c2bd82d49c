package dev.warden.plugin.store;

import java.util.List;

/**
 * Notes moderators leave on poster keys. Every method commits before it returns; implementations are thread-safe
 * and may be shared by several web nodes. Failures to reach the database surface as {@link StoreException}.
 */
public interface PosterNotes {
  /** The longest note, in characters. */
  int MAX_TEXT = 1000;

  /**
   * Adds a note (audited) and returns it.
   *
   * @throws IllegalArgumentException naming the argument, for a blank or over-long key (over 200 characters),
   *     author (over 100) or text (over {@link #MAX_TEXT})
   */
  PosterNote add(String posterKey, String author, String text);

  /** The notes on a poster key, newest first, at most {@code limit} (1 to 1000). */
  List<PosterNote> list(String posterKey, int limit);
}
