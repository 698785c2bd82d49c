package dev.warden.classifier;

import java.util.Objects;

/**
 * A known disinformation narrative that a comment resembles.
 *
 * @param id stable narrative id from the catalogue, e.g. {@code bucha-staged}
 * @param title short neutral title, e.g. "Bucha killings were staged"
 * @param description neutral description of the false claim
 * @param similarity how close the comment is to the narrative's phrasings, in [0,1]
 * @param debunkUrl a link to a debunk, or null
 */
public record NarrativeMatch(String id, String title, String description, double similarity, String debunkUrl) {
  public NarrativeMatch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
    if (!(similarity >= 0.0 && similarity <= 1.0)) {
      throw new IllegalArgumentException("similarity must be in [0,1]: " + similarity);
    }
  }
}
