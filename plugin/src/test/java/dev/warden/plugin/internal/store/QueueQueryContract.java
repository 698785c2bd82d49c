package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.PosterHistory;
import dev.warden.plugin.store.QueuePage;
import dev.warden.plugin.store.QueueQuery;
import dev.warden.plugin.store.QueueSort;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** The queue's filters, orders and poster history on every database the store runs on. */
abstract class QueueQueryContract extends QueueStoreBase {

  private static QueueQuery.Builder pending() {
    return QueueQuery.builder(CommentStatus.PENDING);
  }

  private List<String> ids(QueueQuery query) {
    return store.list(query).items().stream().map(HeldComment::id).toList();
  }

  @Test
  void eachFilterListsOnlyTheCommentsThatMatchItWithTheirTotal() {
    HeldComment threat = comment().reason("threat").poster("user:ivan").article("kerch").language("rus")
        .narratives("bucha_staged", "nato_biolabs").save();
    HeldComment abuse = comment().reason("abuse").poster("user:olena").article("marathon").language("ukr")
        .narratives("nato_biolabs").at(T0.plusSeconds(1)).save();
    HeldComment plain = comment().reason("abuse").poster("user:ivan").article("marathon").language(null)
        .at(T0.plusSeconds(2)).save();
    comment().reason("threat").poster("user:ivan").article("kerch").rejectedByPolicy().save(); // another status

    assertThat(ids(pending().reason("threat").build())).containsExactly(threat.id());
    assertThat(ids(pending().articleId("marathon").build())).containsExactly(plain.id(), abuse.id());
    assertThat(ids(pending().language("rus").build())).containsExactly(threat.id());
    assertThat(ids(pending().language("RUS").build())).as("language codes ignore case").containsExactly(threat.id());
    assertThat(ids(pending().narrative("nato_biolabs").build())).containsExactly(abuse.id(), threat.id());
    assertThat(ids(pending().narrative("bucha_staged").build())).containsExactly(threat.id());
    assertThat(ids(pending().posterKey("user:ivan").build())).containsExactly(plain.id(), threat.id());
    assertThat(store.list(pending().posterKey("user:ivan").build()).total()).isEqualTo(2);
    assertThat(ids(pending().posterKey("user:nobody").build())).isEmpty();
  }

  @Test
  void filtersCombineAndTheTotalCountsEveryPage() {
    for (int i = 0; i < 5; i++) {
      comment().poster("user:ivan").reason("threat").at(T0.plusSeconds(i)).save();
      comment().poster("user:ivan").reason("abuse").at(T0.plusSeconds(i)).save();
      comment().poster("user:olena").reason("threat").at(T0.plusSeconds(i)).save();
    }

    QueuePage page = store.list(pending().posterKey("user:ivan").reason("threat").limit(2).offset(2).build());

    assertThat(page.total()).isEqualTo(5);
    assertThat(page.items()).hasSize(2).allSatisfy(c -> {
      assertThat(c.posterKey()).isEqualTo("user:ivan");
      assertThat(c.reason()).isEqualTo("threat");
    });
    assertThat(page.items()).extracting(HeldComment::receivedAt)
        .containsExactly(T0.plusSeconds(2), T0.plusSeconds(1));
  }

  @Test
  void sectionFilterUsesTheArticleRegistry() {
    store.articles().put(new Article("kerch", "Kerch bridge strike", "world", List.of("ukraine"), true));
    store.articles().put(new Article("marathon", "City marathon", "local", List.of(), null));
    HeldComment world = comment().article("kerch").save();
    comment().article("marathon").save();
    comment().article("unregistered").save();

    assertThat(ids(pending().section("world").build())).containsExactly(world.id());
    assertThat(ids(pending().section("sport").build())).isEmpty();
  }

  @Test
  void sortsByScoreHighestFirstWithUnscoredLastOrByTime() {
    HeldComment low = comment().scores(Map.of("abuse", 0.55)).at(T0).save();
    HeldComment kind = comment().scores(Map.of("abuse", 0.6, "threat", 0.97)).at(T0.plusSeconds(1)).save();
    HeldComment unscored = comment().scores(Map.of()).reason("classifier_error").at(T0.plusSeconds(2)).save();
    HeldComment high = comment().scores(Map.of("abuse", 0.9)).at(T0.plusSeconds(3)).save();

    assertThat(ids(pending().sort(QueueSort.SCORE).build()))
        .containsExactly(kind.id(), high.id(), low.id(), unscored.id());
    assertThat(ids(pending().sort(QueueSort.NEWEST).build()))
        .containsExactly(high.id(), unscored.id(), kind.id(), low.id());
    assertThat(ids(pending().sort(QueueSort.OLDEST).build()))
        .containsExactly(low.id(), kind.id(), unscored.id(), high.id());
  }

  @Test
  void filterValuesAreDataNeverSql() {
    HeldComment quoted = comment().poster("cookie:o'brien\"; DROP TABLE warden_comment; --").save();
    comment().poster("user:other").save();

    assertThat(ids(pending().posterKey("x' OR '1'='1").build())).isEmpty();
    assertThat(ids(pending().reason("abuse' OR 1=1 --").build())).isEmpty();
    assertThat(ids(pending().posterKey(quoted.posterKey()).build())).containsExactly(quoted.id());
    assertThat(store.counts().get(CommentStatus.PENDING)).isEqualTo(2);
  }

  @Test
  void theOldListIsTheNewestFirstQueryOfAStatus() {
    HeldComment first = comment().at(T0).save();
    HeldComment second = comment().at(T0.plusSeconds(1)).save();

    assertThat(store.list(CommentStatus.PENDING, 10, 0))
        .isEqualTo(store.list(pending().limit(10).build()))
        .extracting(QueuePage::items).asList().extracting("id").containsExactly(second.id(), first.id());
  }

  @Test
  void posterHistoryCountsEveryStatusAndKeepsTheLatestFew() {
    String ivan = "user:ivan";
    HeldComment approved = comment().poster(ivan).at(T0).save();
    HeldComment rejected = comment().poster(ivan).at(T0.plusSeconds(1)).save();
    comment().poster(ivan).rejectedByPolicy().at(T0.plusSeconds(2)).save();
    HeldComment latest = comment().poster(ivan).at(T0.plusSeconds(3)).save();
    comment().poster("user:olena").save();
    store.approve(approved.id(), "maria");
    store.reject(rejected.id(), "maria", "spam");

    PosterHistory history = store.posterHistory(ivan, 2);

    assertThat(history.posterKey()).isEqualTo(ivan);
    assertThat(history.total()).isEqualTo(4);
    assertThat(history.counts()).containsOnlyKeys(CommentStatus.values())
        .containsEntry(CommentStatus.PENDING, 1L).containsEntry(CommentStatus.APPROVED, 1L)
        .containsEntry(CommentStatus.REJECTED, 1L).containsEntry(CommentStatus.AUTO_REJECTED, 1L)
        .containsEntry(CommentStatus.DELIVERED, 0L);
    assertThat(history.recent()).extracting(HeldComment::receivedAt)
        .containsExactly(latest.receivedAt(), T0.plusSeconds(2));
    assertThat(store.posterHistory("user:nobody", 5).total()).isZero();
    assertThat(store.posterHistory("user:nobody", 5).recent()).isEmpty();
  }

  /** Rows saved before V5 have no queue columns; migration 5.1 fills them from their JSON. */
  @Test
  void theBackfillFillsTheQueueColumnsOfOlderRows() throws Exception {
    HeldComment rus = comment().language("rus").narratives("bucha_staged").scores(Map.of("abuse", 0.2, "threat", 0.8))
        .save();
    HeldComment plain = comment().language(null).scores(Map.of("abuse", 0.6)).at(T0.plusSeconds(1)).save();
    store.find(plain.id()); // waits for the store's own writes (on an H2 file, new comments land just after a save)
    try (Connection c = DriverManager.getConnection(config.url())) {
      c.setAutoCommit(false);
      execute(c, "UPDATE warden_comment SET top_score = NULL, language = NULL");
      execute(c, "DELETE FROM warden_comment_narrative");
      c.commit();
      assertThat(ids(pending().language("rus").build())).as("as before V5").isEmpty();

      new QueueColumnsBackfill().migrate(context(c));
      c.commit();
    }

    assertThat(ids(pending().language("rus").build())).containsExactly(rus.id());
    assertThat(ids(pending().narrative("bucha_staged").build())).containsExactly(rus.id());
    assertThat(ids(pending().sort(QueueSort.SCORE).build())).containsExactly(rus.id(), plain.id());
  }

  private static void execute(Connection c, String sql) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }

  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }
}
