package dev.warden.plugin.internal.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.classifier.Classifier;
import dev.warden.classifier.NarrativeDefinition;
import dev.warden.classifier.Verdict;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The one owner of the classifier in force: model swaps and narrative overlays never lose each other. */
class ClassifierInForceTest {

  /** A classifier value that only knows its version and narratives (scoring is not what is tested here). */
  record Named(String modelVersion, List<NarrativeDefinition> narratives) implements Classifier {
    @Override
    public Verdict classify(String text) {
      throw new UnsupportedOperationException("not scored in this test");
    }

    @Override
    public Classifier withNarratives(List<NarrativeDefinition> replacement) {
      return new Named(modelVersion, List.copyOf(replacement));
    }
  }

  static NarrativeDefinition narrative(String id) {
    return new NarrativeDefinition(id, "Title " + id, "", List.of("phrasing of " + id), List.of(), null);
  }

  /** The overlay a publisher's catalogue makes: the base's narratives plus one of theirs. */
  static UnaryOperator<Classifier> adding(String id) {
    return base -> {
      List<NarrativeDefinition> all = new java.util.ArrayList<>(base.narratives());
      all.add(narrative(id));
      return base.withNarratives(all);
    };
  }

  @Test
  void aSwappedModelKeepsTheOverlayAndAnOverlayKeepsTheModel() {
    ClassifierInForce inForce = new ClassifierInForce(new Named("v1", List.of(narrative("bundled"))));

    inForce.overlay(adding("zebra"));
    inForce.swapBase(new Named("v2", List.of(narrative("bundled"))));

    assertThat(inForce.get().modelVersion()).isEqualTo("v2");
    assertThat(inForce.get().narratives()).extracting(NarrativeDefinition::id).containsExactly("bundled", "zebra");
    assertThat(inForce.base().narratives()).extracting(NarrativeDefinition::id).containsExactly("bundled");
  }

  @Test
  void modelsTheOverlayCannotBeAppliedToAreNotPutInForce() {
    ClassifierInForce inForce = new ClassifierInForce(new Named("v1", List.of()));
    inForce.overlay(base -> {
      if (base.modelVersion().equals("v2")) {
        throw new IllegalArgumentException("duplicate narrative id");
      }
      return base;
    });

    assertThatThrownBy(() -> inForce.swapBase(new Named("v2", List.of())))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(inForce.get().modelVersion()).isEqualTo("v1");
    assertThat(inForce.base().modelVersion()).isEqualTo("v1");
  }

  @Test
  void concurrentSwapsAndNarrativeChangesEndWithTheLastOfEach() throws Exception {
    int rounds = 500;
    for (int attempt = 0; attempt < 5; attempt++) {
      ClassifierInForce inForce = new ClassifierInForce(new Named("v0", List.of()));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch go = new CountDownLatch(1);
      try {
        Future<?> swaps = pool.submit(() -> {
          go.await();
          for (int i = 1; i <= rounds; i++) {
            inForce.swapBase(new Named("v" + i, List.of()));
          }
          return null;
        });
        Future<?> overlays = pool.submit(() -> {
          go.await();
          for (int i = 1; i <= rounds; i++) {
            inForce.overlay(adding("n" + i));
          }
          return null;
        });
        go.countDown();
        swaps.get();
        overlays.get();
      } finally {
        pool.shutdownNow();
      }

      assertThat(inForce.get().modelVersion()).isEqualTo("v" + rounds);
      assertThat(inForce.get().narratives()).extracting(NarrativeDefinition::id).containsExactly("n" + rounds);
    }
  }
}
