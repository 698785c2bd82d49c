package dev.warden.classifier;

import dev.warden.classifier.internal.narrative.Narrative;
import java.util.List;

/**
 * A known disinformation narrative as the catalogue describes it (the shape of a {@code narratives.yaml} entry): what
 * {@link Classifier#narratives()} lists and {@link Classifier#withNarratives(List)} matches. Immutable.
 *
 * @param id stable id: 1-80 of {@code a-z}, {@code 0-9}, {@code _} and {@code -}, starting with a letter or digit
 * @param title short neutral title
 * @param description neutral statement of the false claim (the title when blank)
 * @param phrasings ways a commenter might put the claim (stripped, blanks and duplicates dropped)
 * @param keywords words and short phrases typical of the narrative
 * @param debunk an http(s) link to a debunk, or null
 * @throws IllegalArgumentException naming the field, if the id is malformed, the title blank, there is neither a
 *     phrasing nor a keyword, or the debunk is not an http(s) URL
 */
public record NarrativeDefinition(
    String id, String title, String description, List<String> phrasings, List<String> keywords, String debunk) {
  public NarrativeDefinition {
    // The catalogue's own validation, so a definition is exactly what a narratives.yaml entry may be.
    Narrative checked = new Narrative(id, title, description, phrasings, keywords, debunk, null);
    title = checked.title();
    description = checked.description();
    phrasings = checked.phrasings();
    keywords = checked.keywords();
    debunk = checked.debunk();
  }

  /** The narratives bundled in this jar, in catalogue order. */
  public static List<NarrativeDefinition> bundled() {
    return dev.warden.classifier.internal.narrative.NarrativeCatalogue.bundled().narratives().stream()
        .map(NarrativeDefinition::of).toList();
  }

  /** The definition of a catalogue narrative. */
  private static NarrativeDefinition of(Narrative n) {
    return new NarrativeDefinition(n.id(), n.title(), n.description(), n.phrasings(), n.keywords(), n.debunk());
  }
}
