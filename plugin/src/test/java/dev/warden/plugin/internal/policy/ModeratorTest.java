package dev.warden.plugin.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import dev.warden.plugin.PolicySettings;
import dev.warden.plugin.WardenConfig;
import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.ArticleRegistry;
import dev.warden.plugin.store.Decision;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What happens when the classifier cannot score a comment: the policy's on-error decides. */
class ModeratorTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  /** A classifier whose model cannot score anything (the failure the real one reports for a broken model). */
  static final class BrokenClassifier implements Classifier {
    @Override
    public Verdict classify(String text) {
      throw new ClassificationException("model cannot score this text");
    }

    @Override
    public String modelVersion() {
      return "broken-1";
    }
  }

  /** A registry that knows no articles. */
  static final ArticleRegistry EMPTY = new ArticleRegistry() {
    @Override
    public void put(Article article) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Article> find(String id) {
      return Optional.empty();
    }
  };

  static Moderator moderator(String onErrorYaml) {
    WardenConfig config = WardenConfig.parse("release: {secret: " + SECRET + "}\nadmin: {auth: container}\n"
        + onErrorYaml, n -> null);
    PolicySettings settings = PolicySettings.of(config);
    return new Moderator(new BrokenClassifier(), new ArticlePolicies(() -> settings, EMPTY, Ticker.systemTicker()));
  }

  @Test
  void classifierFailureHoldsTheComment() {
    Assessment assessment = moderator("").assess("anything", "a1", "/articles/a1/comments");

    assertThat(assessment.decision()).isEqualTo(Decision.HOLD);
    assertThat(assessment.reason()).isEqualTo(Moderator.CLASSIFIER_ERROR);
    assertThat(assessment.scores()).isEmpty();
    assertThat(assessment.explanation()).containsEntry("model", "broken-1").containsEntry("policy", "default");
  }

  @Test
  void classifierFailureAllowsWhenThePolicySaysSo() {
    Assessment assessment = moderator("policies: {default: {on-error: allow}}")
        .assess("anything", "a1", "/articles/a1/comments");

    assertThat(assessment.decision()).isEqualTo(Decision.ALLOW);
    assertThat(assessment.reason()).isEqualTo(Moderator.CLASSIFIER_ERROR);
  }

  @Test
  void explanationCarriesThresholdsOfTheAppliedPolicy() {
    Assessment assessment = moderator("articles: {conflict: {ids: [a1]}}")
        .assess("anything", "a1", "/articles/a1/comments");

    assertThat(assessment.explanation()).containsEntry("policy", "conflict");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> thresholds =
        (Map<String, Map<String, Object>>) assessment.explanation().get("thresholds");
    assertThat(thresholds.get("disinformation")).containsEntry("hold", 0.5);
  }
}
