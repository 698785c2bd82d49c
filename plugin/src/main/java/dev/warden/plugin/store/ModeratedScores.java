package dev.warden.plugin.store;

import java.util.Map;
import java.util.Objects;

/**
 * The scores of a held or auto-rejected comment that a moderator decided, and the decision: what the what-if charts
 * measure the precision of holds with. Immutable.
 *
 * @param policy the policy it was moderated under ({@code default}, {@code conflict}, {@code section:<name>}), or
 *     null if its explanation does not say
 * @param section the article's section when it was moderated, or null if unknown
 * @param scores its score per label and abuse kind
 * @param rejected true if a moderator rejected it, false if a moderator approved it
 */
public record ModeratedScores(String policy, String section, Map<String, Double> scores, boolean rejected) {
  public ModeratedScores {
    scores = Map.copyOf(Objects.requireNonNull(scores, "scores"));
  }
}
