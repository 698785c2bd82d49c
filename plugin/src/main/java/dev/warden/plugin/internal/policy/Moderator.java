package dev.warden.plugin.internal.policy;

import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.WardenConfig;
import dev.warden.plugin.store.Decision;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moderates one comment: picks the policy for its article, classifies the text and decides. A classifier failure
 * holds the comment (reason {@code classifier_error}) or lets it through, as the policy's {@code on-error} says.
 * Thread-safe.
 */
public final class Moderator {
  /** Reason code when the classifier failed. */
  public static final String CLASSIFIER_ERROR = "classifier_error";

  private static final Logger LOG = LoggerFactory.getLogger(Moderator.class);

  private final Classifier classifier;
  private final ArticlePolicies articles;
  private final PolicyConfig defaultPolicy;
  private final PolicyConfig conflictPolicy;
  private final Decider decider = new Decider();

  public Moderator(Classifier classifier, ArticlePolicies articles, WardenConfig config) {
    this.classifier = classifier;
    this.articles = articles;
    this.defaultPolicy = config.defaultPolicy();
    this.conflictPolicy = config.conflictPolicy();
  }

  /** True if the article (or the request path) is conflict coverage, under the stricter policy. */
  public boolean isConflict(String articleId, String requestPath) {
    return articles.isConflict(articleId, requestPath);
  }

  /** Assesses a comment's text posted on an article through a request path. */
  public Assessment assess(String text, String articleId, String requestPath) {
    return assess(text, articleId, isConflict(articleId, requestPath));
  }

  /** Assesses a comment's text posted on an article already known to be conflict coverage or not. */
  public Assessment assess(String text, String articleId, boolean conflict) {
    PolicyConfig policy = conflict ? conflictPolicy : defaultPolicy;
    String policyName = conflict ? "conflict" : "default";
    Verdict verdict;
    try {
      verdict = classifier.classify(text);
    } catch (RuntimeException e) {
      LOG.warn("Classifier failed on a comment for article {}: {}", articleId, e.toString());
      Decision decision = policy.onError() == PolicyConfig.OnError.ALLOW ? Decision.ALLOW : Decision.HOLD;
      return new Assessment(decision, CLASSIFIER_ERROR, Map.of(),
          Explanation.failed(safeModelVersion(), policyName, policy));
    }
    Decider.Outcome outcome = decider.decide(verdict, policy);
    return new Assessment(outcome.decision(), outcome.reason(), verdict.scores(),
        Explanation.of(verdict, policyName, policy));
  }

  private String safeModelVersion() {
    try {
      return classifier.modelVersion();
    } catch (RuntimeException e) {
      return "unknown";
    }
  }
}
