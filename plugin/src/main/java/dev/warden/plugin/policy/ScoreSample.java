package dev.warden.plugin.policy;

import dev.warden.plugin.store.Decision;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The scores of one classified comment, kept for the what-if charts. Deliberately without the comment's text or
 * poster: a sample says how a policy would have treated comments, not who wrote what. Immutable.
 *
 * @param at when the comment was moderated
 * @param articleId the article it was posted on
 * @param policy the policy that applied ({@code default}, {@code conflict} or {@code section:<name>})
 * @param section the article's section in the registry, or null if unknown
 * @param scores the classifier's score per label and abuse kind
 * @param decision what Warden did with it
 */
public record ScoreSample(Instant at, String articleId, String policy, String section, Map<String, Double> scores,
    Decision decision) {
  public ScoreSample {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(policy, "policy");
    scores = Map.copyOf(scores);
    Objects.requireNonNull(decision, "decision");
  }
}
