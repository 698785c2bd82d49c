package dev.warden.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WithNarrativesTest {
  private static final String COMMENT = "the lighthouse on the moon is broadcasting secret orders to the zebra parliament";
  private static final NarrativeDefinition ZEBRA = new NarrativeDefinition("zebra_parliament",
      "The zebra parliament takes orders from the moon", "A made-up claim for this test.",
      List.of("the lighthouse on the moon broadcasts secret orders to the zebra parliament"),
      List.of("zebra parliament", "moon lighthouse"), "https://example.org/debunk");

  private static final Classifier BASE = Classifier.loadDefault();

  @Test
  void lists_the_bundled_catalogue_by_default() {
    assertThat(BASE.narratives()).isEqualTo(NarrativeDefinition.bundled());
    assertThat(BASE.narratives()).extracting(NarrativeDefinition::id).contains("bucha_staged");
  }

  @Test
  void an_added_narrative_is_matched_and_the_original_classifier_is_unchanged() {
    List<NarrativeDefinition> extended = new ArrayList<>(BASE.narratives());
    extended.add(ZEBRA);

    Classifier withZebra = BASE.withNarratives(extended);

    assertThat(withZebra.classify(COMMENT).narratives()).extracting(NarrativeMatch::id).contains("zebra_parliament");
    assertThat(withZebra.modelVersion()).isEqualTo(BASE.modelVersion());
    assertThat(withZebra.narratives()).hasSize(BASE.narratives().size() + 1);
    assertThat(BASE.classify(COMMENT).narratives()).extracting(NarrativeMatch::id)
        .doesNotContain("zebra_parliament");
  }

  @Test
  void a_narrative_left_out_is_no_longer_matched() {
    String bucha = "Bucha was staged, the bodies were moving in the video";
    assertThat(BASE.classify(bucha).narratives()).extracting(NarrativeMatch::id).contains("bucha_staged");

    Classifier without = BASE.withNarratives(BASE.narratives().stream()
        .filter(n -> !n.id().equals("bucha_staged")).toList());

    assertThat(without.classify(bucha).narratives()).extracting(NarrativeMatch::id).doesNotContain("bucha_staged");
  }

  @Test
  void the_same_id_twice_is_refused() {
    assertThatThrownBy(() -> BASE.withNarratives(List.of(ZEBRA, ZEBRA)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zebra_parliament");
  }

  @Test
  void a_definition_is_validated_like_a_catalogue_entry() {
    assertThatThrownBy(() -> new NarrativeDefinition("Bad Id", "t", "", List.of("p"), List.of(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    assertThatThrownBy(() -> new NarrativeDefinition("ok", " ", "", List.of("p"), List.of(), null))
        .hasMessageContaining("title");
    assertThatThrownBy(() -> new NarrativeDefinition("ok", "t", "", List.of("p"), List.of(), "ftp://x.org/a"))
        .hasMessageContaining("debunk");
    assertThat(new NarrativeDefinition("ok", "t", " ", List.of(" p ", "p"), null, " ").phrasings())
        .containsExactly("p");
  }
}
