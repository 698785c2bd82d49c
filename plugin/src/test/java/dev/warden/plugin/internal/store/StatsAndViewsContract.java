package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.policy.ScoreSample;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.SavedView;
import dev.warden.plugin.store.SavedViews;
import dev.warden.plugin.store.StatsReport;
import dev.warden.plugin.store.StatsReport.DayDecisions;
import dev.warden.plugin.store.StatsReport.ReasonRates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stats aggregates and saved views, on every database. */
abstract class StatsAndViewsContract extends StoreFixture {

  private HeldComment held(String text) {
    return store.save(Comments.held("kyiv-live", text, clock.instant()));
  }

  private void sample(int n) {
    List<ScoreSample> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(new ScoreSample(clock.instant(), "kyiv-live", "default", null, Map.of("abuse", 0.2),
          Decision.ALLOW));
    }
    store.scoreSamples().insert(batch);
  }

  @Test
  void decisionsAreCountedPerModeratorAndUtcDay() {
    HeldComment a = held("a");
    HeldComment b = held("b");
    HeldComment c = held("c");
    store.approve(a.id(), "maria");
    store.reject(b.id(), "ivan", "spam");
    clock.advance(Duration.ofHours(14)); // 2026-03-02T00:15:30Z
    store.approve(c.id(), "maria");

    StatsReport report = store.stats().since(T0);

    assertThat(report.decisions()).containsExactly(
        new DayDecisions("ivan", LocalDate.parse("2026-03-01"), 0, 1),
        new DayDecisions("maria", LocalDate.parse("2026-03-01"), 1, 0),
        new DayDecisions("maria", LocalDate.parse("2026-03-02"), 1, 0));
  }

  @Test
  void holdRateIsHeldOverClassifiedAndOverturnRateIsApprovedOverDecidedPerReason() {
    HeldComment a = held("a");
    HeldComment b = held("b");
    HeldComment c = held("c");
    held("still pending");
    store.save(Comments.rejected("kyiv-live", "auto", clock.instant())); // reason abuse, not a hold
    sample(8);
    store.approve(a.id(), "maria");
    store.approve(b.id(), "maria");
    store.reject(c.id(), "ivan", "abuse");

    StatsReport report = store.stats().since(T0);

    assertThat(report.classified()).isEqualTo(8);
    assertThat(report.reasons()).containsExactly(new ReasonRates("abuse_hold", 4, 3, 2));
    assertThat(report.holdRate(report.reasons().get(0))).isEqualTo(0.5);
    assertThat(report.reasons().get(0).overturnRate()).isEqualTo(2.0 / 3);
  }

  @Test
  void onlyWhatHappenedSinceTheStartIsCounted() {
    HeldComment old = held("old");
    sample(3);
    store.approve(old.id(), "maria");
    clock.advance(Duration.ofDays(2));
    held("new");
    sample(1);

    StatsReport report = store.stats().since(clock.instant());

    assertThat(report.decisions()).isEmpty();
    assertThat(report.classified()).isEqualTo(1);
    assertThat(report.reasons()).containsExactly(new ReasonRates("abuse_hold", 1, 0, 0));
    assertThat(report.reasons().get(0).overturnRate()).isNull();
  }

  @Test
  void anEmptyPeriodHasNoRates() {
    StatsReport report = store.stats().since(T0);

    assertThat(report.decisions()).isEmpty();
    assertThat(report.reasons()).isEmpty();
    assertThat(report.classified()).isZero();
  }

  @Test
  void viewsArePerUserByNameAndSavingAgainReplaces() {
    SavedViews views = store.savedViews();
    views.save("maria", "World conflict", "status=pending&section=World");
    views.save("maria", "Kyiv watch", "article=kyiv-live");
    views.save("ivan", "Kyiv watch", "article=kyiv-live&sort=score");
    clock.advance(Duration.ofMinutes(1));
    SavedView replaced = views.save("maria", "Kyiv watch", "article=kyiv-live&status=approved");

    assertThat(views.list("maria")).extracting(SavedView::name, SavedView::query).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Kyiv watch", "article=kyiv-live&status=approved"),
        org.assertj.core.groups.Tuple.tuple("World conflict", "status=pending&section=World"));
    assertThat(views.list("maria").get(0)).isEqualTo(replaced);
    assertThat(replaced.createdAt()).isEqualTo(CommentRows.storable(T0.plus(Duration.ofMinutes(1))));
    assertThat(views.list("ivan")).extracting(SavedView::query).containsExactly("article=kyiv-live&sort=score");
    assertThat(views.list("nobody")).isEmpty();
  }

  @Test
  void deleteRemovesOnlyThatUsersView() {
    SavedViews views = store.savedViews();
    views.save("maria", "Kyiv watch", "article=kyiv-live");
    views.save("ivan", "Kyiv watch", "article=kyiv-live");

    assertThat(views.delete("maria", "Kyiv watch")).map(SavedView::query).contains("article=kyiv-live");
    assertThat(views.delete("maria", "Kyiv watch")).isEmpty();
    assertThat(views.list("maria")).isEmpty();
    assertThat(views.list("ivan")).hasSize(1);
  }

  @Test
  void namesQueriesAndCountsAreBounded() {
    SavedViews views = store.savedViews();
    assertThatThrownBy(() -> views.save("maria", " ", "a=b")).hasMessageContaining("name");
    assertThatThrownBy(() -> views.save("maria", "x".repeat(SavedViews.MAX_NAME + 1), "a=b"))
        .hasMessageContaining("name must be at most 80");
    assertThatThrownBy(() -> views.save("maria", "q", "a".repeat(SavedViews.MAX_QUERY + 1)))
        .hasMessageContaining("query must be at most 2000");
    assertThatThrownBy(() -> views.save("maria", "tab\there", "a=b")).hasMessageContaining("control");
    views.save("maria", "x".repeat(SavedViews.MAX_NAME), "a".repeat(SavedViews.MAX_QUERY));
    for (int i = 1; i < SavedViews.MAX_PER_USER; i++) {
      views.save("maria", "view " + i, "");
    }
    assertThatThrownBy(() -> views.save("maria", "one more", "")).hasMessageContaining("at most 100");
    views.save("maria", "view 1", "status=rejected"); // replacing is still allowed
    assertThat(views.list("maria")).hasSize(SavedViews.MAX_PER_USER);
  }
}
