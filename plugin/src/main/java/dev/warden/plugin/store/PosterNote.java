package dev.warden.plugin.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A moderator's note on a poster, for the other moderators. Plain text: render it as text, never as HTML.
 *
 * @param id the note's id, increasing in the order notes were added
 * @param posterKey the poster the note is about
 * @param at when it was written
 * @param author the moderator who wrote it
 * @param text what they wrote (1 to {@link PosterNotes#MAX_TEXT} characters)
 */
public record PosterNote(long id, String posterKey, Instant at, String author, String text) {
  public PosterNote {
    Objects.requireNonNull(posterKey, "posterKey");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
  }
}
