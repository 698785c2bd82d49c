package dev.warden.classifier.internal.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClaimsCsvTest {
  @Test
  void readsQuotedFieldsWithCommasQuotesAndNewlines() throws IOException {
    String csv = "title,keywords,date,url,description\n"
        + "\"Kyiv's \"\"secret\"\" gas, sold to Europe\",\"gas; europe, kyiv\",2023-02-01,https://example.org/a,\"two\nlines\"\n"
        + "Ukrainian grain is poisoned,grain;poison,2023-07-10,,\n";
    ClaimsCsv.Result result = ClaimsCsv.read(new StringReader(csv));
    assertThat(result.problems()).isEmpty();
    assertThat(result.narratives()).hasSize(2);
    Narrative first = result.narratives().get(0);
    assertThat(first.title()).isEqualTo("Kyiv's \"secret\" gas, sold to Europe");
    assertThat(first.id()).isEqualTo("kyiv_s_secret_gas_sold_to_europe");
    assertThat(first.keywords()).containsExactly("gas", "europe", "kyiv");
    assertThat(first.description()).isEqualTo("two\nlines");
    assertThat(first.since()).isEqualTo(LocalDate.of(2023, 2, 1));
    assertThat(first.phrasings()).containsExactly(first.title());
    assertThat(result.narratives().get(1).debunk()).isNull();
  }

  @Test
  void reportsBadRowsWithTheLineTheyStartOn() throws IOException {
    String csv = "title,keywords,date\n"
        + "\"A claim\nover two lines\",a;b,2023-01-01\n"
        + ",k,2023-01-01\n"
        + "No keywords,,2023-01-01\n"
        + "Bad date,k,yesterday\n"
        + "Too,many,fields,here\n";
    ClaimsCsv.Result result = ClaimsCsv.read(new StringReader(csv));
    assertThat(result.narratives()).hasSize(1);
    assertThat(result.problems()).extracting(ClaimsCsv.Problem::line).containsExactly(4, 5, 6, 7);
    assertThat(result.problems().get(0).message()).contains("no title");
    assertThat(result.problems().get(2).message()).contains("not yyyy-mm-dd");
  }

  @Test
  void aHeaderWithoutARequiredColumnIsRejected() {
    assertThatThrownBy(() -> ClaimsCsv.read(new StringReader("title,date\nx,2023-01-01\n")))
        .hasMessageContaining("no 'keywords' column");
  }

  @Test
  void slugsAreAsciiAndBounded() {
    assertThat(ClaimsCsv.slug("Zelensky's villa in Crimea — “confirmed”!")).isEqualTo("zelensky_s_villa_in_crimea_confirmed");
    assertThat(ClaimsCsv.slug("Ça été vérifié")).isEqualTo("ca_ete_verifie");
    assertThat(ClaimsCsv.slug("!!!")).isEqualTo("claim");
    assertThat(ClaimsCsv.slug("x".repeat(100))).hasSize(60);
  }
}
