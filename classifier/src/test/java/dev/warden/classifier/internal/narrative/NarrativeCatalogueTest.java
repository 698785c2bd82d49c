package dev.warden.classifier.internal.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.classifier.ClassificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NarrativeCatalogueTest {
  @TempDir Path tmp;

  @Test
  void theBundledCatalogueHasAtLeast35NarrativesWithUniqueIdsAndFivePhrasingsEach() {
    List<Narrative> narratives = NarrativeCatalogue.bundled().narratives();
    assertThat(narratives).hasSizeGreaterThanOrEqualTo(35);
    assertThat(narratives).extracting(Narrative::id).doesNotHaveDuplicates();
    assertThat(narratives).allSatisfy(n -> {
      assertThat(n.phrasings()).as(n.id()).hasSizeGreaterThanOrEqualTo(5);
      assertThat(n.keywords()).as(n.id()).isNotEmpty();
      assertThat(n.description()).as(n.id()).contains("False");
    });
  }

  @Test
  void anExtensionReplacesAKnownIdAndAddsNewOnes() throws IOException {
    Path extra = tmp.resolve("extra.yaml");
    Files.writeString(extra, """
        narratives:
          - id: bucha_staged
            title: "Replaced title"
            description: "Our own wording."
            phrasings: ["bucha was fake"]
          - id: local_mayor_hoax
            title: "The mayor fled to Minsk"
            keywords: [mayor, minsk, fled]
            since: 2023-05-01
            debunk: https://example.org/debunk
        """);
    NarrativeCatalogue merged = NarrativeCatalogue.bundledExtendedBy(List.of(extra));
    assertThat(merged.size()).isEqualTo(NarrativeCatalogue.bundled().size() + 1);
    assertThat(merged.find("bucha_staged")).get().extracting(Narrative::title).isEqualTo("Replaced title");
    Narrative added = merged.find("local_mayor_hoax").orElseThrow();
    assertThat(added.since()).isEqualTo(LocalDate.of(2023, 5, 1));
    assertThat(added.description()).isEqualTo(added.title());
  }

  @Test
  void writtenCataloguesReadBackEqual() throws IOException {
    Path file = tmp.resolve("out/narratives.yaml");
    NarrativeCatalogue.bundled().write(file);
    assertThat(NarrativeCatalogue.read(file).narratives()).isEqualTo(NarrativeCatalogue.bundled().narratives());
  }

  @Test
  void anUnknownKeyIsAnErrorThatNamesIt() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), "narratives:\n  - id: x\n    title: t\n    phrase: [a]\n");
    assertThatThrownBy(() -> NarrativeCatalogue.read(bad))
        .isInstanceOf(ClassificationException.class)
        .hasMessageContaining("unknown key 'phrase'");
  }

  @Test
  void aNarrativeWithoutPhrasingsOrKeywordsIsRejected() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), "narratives:\n  - id: x\n    title: t\n");
    assertThatThrownBy(() -> NarrativeCatalogue.read(bad)).hasMessageContaining("at least one phrasing or keyword");
  }

  @Test
  void duplicateIdsInOneFileAndBadIdsAreRejected() throws IOException {
    Path twice = Files.writeString(tmp.resolve("twice.yaml"),
        "narratives:\n  - {id: a, title: t, keywords: [k]}\n  - {id: a, title: u, keywords: [k]}\n");
    assertThatThrownBy(() -> NarrativeCatalogue.read(twice)).hasMessageContaining("'a' appears twice");
    Path badId = Files.writeString(tmp.resolve("id.yaml"), "narratives:\n  - {id: 'Has Space', title: t, keywords: [k]}\n");
    assertThatThrownBy(() -> NarrativeCatalogue.read(badId)).hasMessageContaining("narrative id 'Has Space'");
  }

  @Test
  void aMissingFileIsAClearError() {
    assertThatThrownBy(() -> NarrativeCatalogue.read(tmp.resolve("nope.yaml")))
        .isInstanceOf(ClassificationException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aDebunkMustBeAnHttpUrl() {
    assertThatThrownBy(() -> new Narrative("x", "t", null, List.of("p"), List.of(), "javascript:alert(1)", null))
        .hasMessageContaining("not an http(s) URL");
  }
}
