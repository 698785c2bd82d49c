package dev.warden.plugin.internal.policy;

import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.store.Decision;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moderates one comment: picks the policy for its article from the live settings, classifies the text and decides.
 * A classifier failure holds the comment (reason {@code classifier_error}) or lets it through, as the policy's
 * {@code on-error} says. Thread-safe.
 */
public final class Moderator {
  /** Reason code when the classifier failed. */
  public static final String CLASSIFIER_ERROR = "classifier_error";

  private static final Logger LOG = LoggerFactory.getLogger(Moderator.class);

  private final Supplier<Classifier> classifiers;
  private final ArticlePolicies articles;
  private final Decider decider = new Decider();

  /** A moderator that always uses this classifier. */
  public Moderator(Classifier classifier, ArticlePolicies articles) {
    this(() -> classifier, articles);
  }

  /**
   * A moderator that asks {@code classifiers} for the classifier in force once per comment (the publishers'
   * narrative changes swap it while Warden runs).
   */
  public Moderator(Supplier<Classifier> classifiers, ArticlePolicies articles) {
    this.classifiers = classifiers;
    this.articles = articles;
  }

  /**
   * The policy for a comment on this article, posted through this request path, under the settings in force now.
   * Read it once per comment and pass it on, so that one comment sees one version of the settings throughout.
   */
  public ArticlePolicies.Choice choose(String articleId, String requestPath) {
    return articles.choose(articleId, requestPath);
  }

  /** Assesses a comment's text posted on an article through a request path. */
  public Assessment assess(String text, String articleId, String requestPath) {
    return assess(text, articleId, choose(articleId, requestPath));
  }

  /** Assesses a comment's text posted on an article under an already chosen policy. */
  public Assessment assess(String text, String articleId, ArticlePolicies.Choice choice) {
    PolicyConfig policy = choice.policy();
    Classifier classifier = classifiers.get();
    Verdict verdict;
    try {
      verdict = classifier.classify(text);
    } catch (RuntimeException e) {
      LOG.warn("Classifier failed on a comment for article {}: {}", articleId, e.toString());
      Decision decision = policy.onError() == PolicyConfig.OnError.ALLOW ? Decision.ALLOW : Decision.HOLD;
      return new Assessment(decision, CLASSIFIER_ERROR, Map.of(),
          Explanation.failed(safeModelVersion(classifier), choice));
    }
    Decider.Outcome outcome = decider.decide(verdict, policy);
    return new Assessment(outcome.decision(), outcome.reason(), verdict.scores(), Explanation.of(verdict, choice));
  }

  private static String safeModelVersion(Classifier classifier) {
    try {
      return classifier.modelVersion();
    } catch (RuntimeException e) {
      return "unknown";
    }
  }
}
