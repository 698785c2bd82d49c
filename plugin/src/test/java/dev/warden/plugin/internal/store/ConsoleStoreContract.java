package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.classifier.Classifier;
import dev.warden.classifier.NarrativeDefinition;
import dev.warden.classifier.NarrativeMatch;
import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.PolicySettings;
import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.WardenConfig;
import dev.warden.plugin.internal.policy.VersionedNarratives;
import dev.warden.plugin.policy.CatalogueEntry;
import dev.warden.plugin.policy.NarrativeEdit;
import dev.warden.plugin.policy.PolicyVersion;
import dev.warden.plugin.policy.ScoreHistogram;
import dev.warden.plugin.policy.ScoreSample;
import dev.warden.plugin.policy.VersionConflictException;
import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.ModeratedScores;
import dev.warden.plugin.store.NewComment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the publishers' console stores, on every database: policy versions (with their audit events), the score
 * sample and the publishers' narrative changes. Subclasses provide a fresh, empty database per test and drop it afterwards.
 */
abstract class ConsoleStoreContract {
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
  static final Actor PAT = new Actor("pat", "203.0.113.9");
  static final Actor SAM = Actor.named("sam");
  static final PolicySettings BASELINE = PolicySettings.of(WardenConfig.parse(
      "release: {secret: 0123456789abcdef0123456789abcdef}\nadmin: {auth: container}\n", n -> null));

  private final List<JdbcCommentStore> opened = new ArrayList<>();
  protected final MutableClock clock = new MutableClock(T0);
  protected StoreConfig config;
  protected JdbcCommentStore store;
  protected JdbcPolicyVersions versions;
  protected JdbcScoreSamples samples;

  /** A fresh, empty database for one test. */
  protected abstract StoreConfig createDatabase() throws Exception;

  /** Drops what {@link #createDatabase()} made; every store is closed by then. */
  protected abstract void dropDatabase() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    config = createDatabase();
    store = open();
    versions = store.policyVersions();
    samples = store.scoreSamples();
  }

  @AfterEach
  void closeStores() throws Exception {
    opened.forEach(JdbcCommentStore::close);
    dropDatabase();
  }

  protected JdbcCommentStore open() {
    JdbcCommentStore s = JdbcCommentStore.open(config, clock);
    opened.add(s);
    return s;
  }

  static PolicySettings withConflictAbuseHold(double hold) {
    Map<String, PolicyConfig.LabelThresholds> labels = new HashMap<>(BASELINE.conflictPolicy().labels());
    labels.put("abuse", new PolicyConfig.LabelThresholds(hold, null));
    PolicyConfig conflict = new PolicyConfig(labels, BASELINE.conflictPolicy().onError(),
        BASELINE.conflictPolicy().onUnsupportedLanguage());
    return new PolicySettings(BASELINE.defaultPolicy(), conflict, Map.of(), BASELINE.throttleLimits(),
        BASELINE.articles());
  }

  // --- policy versions -----------------------------------------------------------------------------------------

  @Test
  void aNewStoreHasNoVersionBeyondWardenYaml() {
    assertThat(versions.latest()).isEmpty();
    assertThat(versions.find(1)).isEmpty();
    assertThat(versions.history(10)).isEmpty();
  }

  @Test
  void anAppendedVersionIsStoredWholeAndIsTheLatest() {
    PolicySettings changed = withConflictAbuseHold(0.4);
    clock.advance(Duration.ofMinutes(1));

    PolicyVersion saved = versions.append(0, BASELINE, changed, PAT, "stricter on war coverage", null);

    assertThat(saved.version()).isEqualTo(1);
    assertThat(saved.replaces()).isZero();
    assertThat(saved.restoredFrom()).isNull();
    assertThat(saved.createdAt()).isEqualTo(clock.instant());
    assertThat(versions.latest()).contains(saved);
    assertThat(versions.find(1)).contains(saved);
    assertThat(open().policyVersions().latest().orElseThrow().settings()).isEqualTo(changed);
  }

  @Test
  void historyIsNewestFirstAndBounded() {
    versions.append(0, BASELINE, withConflictAbuseHold(0.4), PAT, "", null);
    versions.append(1, withConflictAbuseHold(0.4), withConflictAbuseHold(0.3), SAM, "", null);
    versions.append(2, withConflictAbuseHold(0.3), BASELINE, PAT, "back", 0L);

    assertThat(versions.history(10)).extracting(PolicyVersion::version, PolicyVersion::author,
        PolicyVersion::replaces, PolicyVersion::restoredFrom)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "pat", 2L, 0L),
            org.assertj.core.groups.Tuple.tuple(2L, "sam", 1L, null),
            org.assertj.core.groups.Tuple.tuple(1L, "pat", 0L, null));
    assertThat(versions.history(1)).hasSize(1);
    assertThatThrownBy(() -> versions.history(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChangeOnAStaleVersionIsRefusedAndStoresNothing() throws SQLException {
    versions.append(0, BASELINE, withConflictAbuseHold(0.4), PAT, "", null);

    assertThatThrownBy(() -> versions.append(0, BASELINE, withConflictAbuseHold(0.2), SAM, "", null))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> {
          assertThat(e.baseVersion()).isZero();
          assertThat(e.latestVersion()).isEqualTo(1);
        });
    assertThat(versions.latest().orElseThrow().author()).isEqualTo("pat");
    assertThat(policyAudit()).hasSize(1);
  }

  @Test
  void twoNodesSavingOnTheSameVersionAtOnceStoreExactlyOne() throws Exception {
    JdbcPolicyVersions other = open().policyVersions();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (JdbcPolicyVersions node : List.of(versions, other)) {
        Callable<String> save = () -> {
          start.await();
          try {
            return node.append(0, BASELINE, withConflictAbuseHold(0.4), PAT, "", null).author();
          } catch (VersionConflictException e) {
            return "conflict";
          }
        };
        results.add(pool.submit(save));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> result : results) {
        outcomes.add(result.get());
      }

      assertThat(outcomes).containsExactlyInAnyOrder("pat", "conflict");
      assertThat(versions.history(10)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyVersionIsAuditedWithWhoAndWhatChanged() throws SQLException {
    versions.append(0, BASELINE, withConflictAbuseHold(0.4), PAT, "stricter", null);
    versions.append(1, withConflictAbuseHold(0.4), BASELINE, SAM, "", 0L);

    assertThat(policyAudit()).containsExactly(
        "pat 203.0.113.9 policy_change policy:1 version 1 (replaces 0) 'stricter':"
            + " policies.conflict.labels.abuse.hold: 0.5 -> 0.4",
        "sam null policy_rollback policy:2 version 2 (replaces 1; restores 0):"
            + " policies.conflict.labels.abuse.hold: 0.4 -> 0.5");
  }

  // --- score samples -------------------------------------------------------------------------------------------

  static ScoreSample sample(String policy, String section, double abuse, Instant at) {
    return new ScoreSample(at, "a1", policy, section, Map.of("abuse", abuse, "disinformation", 0.1),
        Decision.ALLOW);
  }

  @Test
  void aHistogramCountsAPolicysScoresInHundredthBins() {
    samples.insert(List.of(
        sample("conflict", null, 0.0, T0), sample("conflict", null, 0.29, T0), sample("conflict", null, 0.295, T0),
        sample("conflict", null, 0.5, T0.plusSeconds(5)), sample("conflict", null, 1.0, T0),
        sample("default", null, 0.29, T0),
        new ScoreSample(T0, "a1", "conflict", null, Map.of("disinformation", 0.9), Decision.HOLD)));

    ScoreHistogram histogram = samples.histogram("conflict", "abuse", T0);

    assertThat(histogram.total()).isEqualTo(5); // the sample without an abuse score is not counted
    assertThat(histogram.count(0)).isEqualTo(1);
    assertThat(histogram.count(29)).isEqualTo(2);
    assertThat(histogram.count(50)).isEqualTo(1);
    assertThat(histogram.count(99)).isEqualTo(1);
    assertThat(histogram.atOrAbove(30)).isEqualTo(2);
    assertThat(histogram.earliest()).isEqualTo(T0);
    assertThat(samples.histogram("conflict", "disinformation", T0).total()).isEqualTo(6);
    assertThat(samples.histogram("default", "abuse", T0).total()).isEqualTo(1);
    assertThat(samples.histogram("conflict", "abuse", T0.plusSeconds(1)).total()).isEqualTo(1);
    assertThat(samples.histogram("conflict", "threat", T0).total()).isZero();
    assertThat(samples.histogram("conflict", "threat", T0).earliest()).isNull();
  }

  @Test
  void aSectionsHistogramCountsItsArticlesWhateverPolicyApplied() {
    samples.insert(List.of(sample("conflict", "World", 0.8, T0), sample("section:World", "World", 0.6, T0),
        sample("default", "Sport", 0.1, T0), sample("conflict", null, 0.9, T0)));

    assertThat(samples.histogram("section:World", "abuse", T0).total()).isEqualTo(2);
    assertThat(samples.histogram("section:Sport", "abuse", T0).total()).isEqualTo(1);
  }

  @Test
  void unknownLabelsAndPoliciesAreRefused() {
    assertThatThrownBy(() -> samples.histogram("conflict", "abuse; DROP TABLE x", T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> samples.histogram("other", "abuse", T0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pruningDropsOldSamplesThenTheOldestBeyondTheCap() {
    List<ScoreSample> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(sample("conflict", null, i / 10.0, T0.plus(Duration.ofDays(i))));
    }
    samples.insert(batch);

    assertThat(samples.prune(T0.plus(Duration.ofDays(3)), 100)).isEqualTo(3);
    assertThat(samples.count()).isEqualTo(7);
    assertThat(samples.prune(T0, 4)).isEqualTo(3);
    assertThat(samples.count()).isEqualTo(4);
    ScoreHistogram left = samples.histogram("conflict", "abuse", T0);
    assertThat(left.earliest()).isEqualTo(T0.plus(Duration.ofDays(6)));
    assertThat(samples.prune(T0, 4)).isZero();
  }

  @Test
  void aSampleHasNoTextNorPosterColumn() throws SQLException {
    try (Connection c = DriverManager.getConnection(config.url());
        ResultSet columns = c.getMetaData().getColumns(null, null, null, null)) {
      List<String> sampleColumns = new ArrayList<>();
      while (columns.next()) {
        if (columns.getString("TABLE_NAME").equalsIgnoreCase("warden_score_sample")) {
          sampleColumns.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
      assertThat(sampleColumns).contains("abuse", "policy", "section", "article_id")
          .doesNotContain("text", "poster_key", "author", "raw_body");
    }
  }

  // --- moderators' decisions for precision ---------------------------------------------------------------------

  @Test
  void moderatedScoresAreTheDecidedCommentsWithTheirPolicyAndSection() {
    HeldComment approved = store.save(held("approved", "conflict", "World", T0));
    HeldComment rejected = store.save(held("rejected", "section:World", "World", T0.plusSeconds(1)));
    store.save(held("pending", "conflict", null, T0.plusSeconds(2)));
    store.save(held("old", "conflict", null, T0.minusSeconds(60)));
    store.approve(approved.id(), "maria");
    store.reject(rejected.id(), "maria", "abuse");
    HeldComment old = store.list(dev.warden.plugin.store.CommentStatus.PENDING, 10, 0).items().stream()
        .filter(c -> c.text().equals("old")).findFirst().orElseThrow();
    store.reject(old.id(), "maria", "abuse");

    List<ModeratedScores> moderated = store.moderatedSince(T0, 100);

    assertThat(moderated).containsExactly(
        new ModeratedScores("section:World", "World", Map.of("abuse", 0.91, "disinformation", 0.125), true),
        new ModeratedScores("conflict", "World", Map.of("abuse", 0.91, "disinformation", 0.125), false));
    assertThat(store.moderatedSince(T0, 1)).hasSize(1);
    assertThatThrownBy(() -> store.moderatedSince(T0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static NewComment held(String text, String policy, String section, Instant at) {
    NewComment c = Comments.held("war-in-sudan", text, at);
    Map<String, Object> explanation = new HashMap<>(c.explanation());
    explanation.put("policy", policy);
    if (section != null) {
      explanation.put("section", section);
    }
    return new NewComment(c.articleId(), c.posterKey(), c.author(), c.text(), c.submission(), c.scores(),
        explanation, c.decision(), c.reason(), c.receivedAt());
  }

  // ---- the publishers' narratives ----

  static final NarrativeDefinition ZEBRA = new NarrativeDefinition("zebra_parliament",
      "The zebra parliament takes orders from the moon", "A made-up claim.",
      List.of("the lighthouse on the moon broadcasts secret orders to the zebra parliament"),
      List.of("zebra parliament"), "https://example.org/debunk");

  @Test
  void narrative_changes_are_versioned_audited_and_the_latest_is_in_force() throws SQLException {
    JdbcNarrativeVersions narratives = store.narrativeVersions();
    assertThat(narratives.latest()).isEmpty();

    NarrativeEdit first = narratives.append(ZEBRA, NarrativeEdit.Status.ACTIVE, PAT, "narrative_add", 0);
    clock.advance(Duration.ofMinutes(1));
    NarrativeEdit retired = narratives.append(ZEBRA, NarrativeEdit.Status.RETIRED, SAM, "narrative_retire", 1);

    assertThat(first.version()).isEqualTo(1);
    assertThat(retired.version()).isEqualTo(2);
    assertThat(narratives.latest()).containsExactly(retired);
    assertThat(narratives.history("zebra_parliament", 10)).containsExactly(retired, first);
    assertThat(narratives.latest().get(0).narrative()).isEqualTo(ZEBRA);
    assertThat(narratives.latest().get(0).changedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    assertThat(audit("narrative%")).containsExactly(
        "pat 203.0.113.9 narrative_add narrative:zebra_parliament version 1, active: "
            + "'The zebra parliament takes orders from the moon'; 1 phrasings, 1 keywords, debunk "
            + "https://example.org/debunk",
        "sam null narrative_retire narrative:zebra_parliament version 2, retired: "
            + "'The zebra parliament takes orders from the moon'; 1 phrasings, 1 keywords, debunk "
            + "https://example.org/debunk");
  }

  @Test
  void a_narrative_change_based_on_an_old_version_is_refused_and_nothing_is_stored() throws SQLException {
    JdbcNarrativeVersions narratives = store.narrativeVersions();
    narratives.append(ZEBRA, NarrativeEdit.Status.ACTIVE, PAT, "narrative_add", 0);

    assertThatThrownBy(() -> narratives.append(ZEBRA, NarrativeEdit.Status.RETIRED, SAM, "narrative_retire", 0))
        .isInstanceOf(VersionConflictException.class);

    assertThat(narratives.history("zebra_parliament", 10)).hasSize(1);
    assertThat(audit("narrative%")).hasSize(1);
  }

  @Test
  void another_node_picks_up_added_and_retired_narratives_on_refresh() {
    String comment = "the lighthouse on the moon is broadcasting secret orders to the zebra parliament";
    try (VersionedNarratives here = VersionedNarratives.start(store.narrativeVersions(), CLASSIFIER,
            Duration.ofHours(1));
        VersionedNarratives there = VersionedNarratives.start(open().narrativeVersions(), CLASSIFIER,
            Duration.ofHours(1))) {
      here.save(ZEBRA, PAT);
      assertThat(matched(here, comment)).contains("zebra_parliament");
      assertThat(matched(there, comment)).doesNotContain("zebra_parliament");

      there.refresh();
      assertThat(matched(there, comment)).contains("zebra_parliament");
      assertThat(there.find("zebra_parliament")).get().extracting(CatalogueEntry::source)
          .isEqualTo(CatalogueEntry.Source.PUBLISHER);

      there.retire("zebra_parliament", SAM);
      there.retire("bucha_staged", SAM);
      here.refresh();
      assertThat(matched(here, comment)).doesNotContain("zebra_parliament");
      assertThat(matched(here, "Bucha was staged, the bodies were moving in the video"))
          .doesNotContain("bucha_staged");
      assertThat(here.find("bucha_staged")).get().satisfies(e -> {
        assertThat(e.source()).isEqualTo(CatalogueEntry.Source.BUNDLED);
        assertThat(e.status()).isEqualTo(NarrativeEdit.Status.RETIRED);
      });

      here.restore("bucha_staged", PAT);
      assertThat(matched(here, "Bucha was staged, the bodies were moving in the video")).contains("bucha_staged");
    }
  }

  @Test
  void a_narrative_without_phrasings_is_refused_naming_the_field() {
    try (VersionedNarratives narratives = VersionedNarratives.start(store.narrativeVersions(), CLASSIFIER,
        Duration.ofHours(1))) {
      NarrativeDefinition keywordsOnly = new NarrativeDefinition("kw", "Title", "", List.of(), List.of("a"), null);
      assertThatThrownBy(() -> narratives.save(keywordsOnly, PAT)).hasMessageStartingWith("phrasings");
      assertThat(store.narrativeVersions().latest()).isEmpty();
    }
  }

  private static final Classifier CLASSIFIER = Classifier.loadDefault();

  private static List<String> matched(VersionedNarratives narratives, String comment) {
    return narratives.classifier().classify(comment).narratives().stream().map(NarrativeMatch::id).toList();
  }

  /** The audit rows whose action is LIKE {@code pattern}, as "actor address action type:target detail". */
  private List<String> audit(String pattern) throws SQLException {
    try (Connection c = DriverManager.getConnection(config.url());
        PreparedStatement ps = c.prepareStatement("SELECT actor, source_address, action, target_type, target,"
            + " detail FROM warden_audit_event WHERE action LIKE ? ORDER BY id")) {
      ps.setString(1, pattern);
      try (ResultSet rs = ps.executeQuery()) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getString("actor") + " " + rs.getString("source_address") + " " + rs.getString("action")
              + " " + rs.getString("target_type") + ":" + rs.getString("target") + " " + rs.getString("detail"));
        }
        return rows;
      }
    }
  }

  /** The audit rows of policy changes, as "actor address action type:target detail", oldest first. */
  private List<String> policyAudit() throws SQLException {
    try (Connection c = DriverManager.getConnection(config.url());
        PreparedStatement ps = c.prepareStatement("SELECT actor, source_address, action, target_type, target,"
            + " detail FROM warden_audit_event WHERE action LIKE 'policy%' ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString("actor") + " " + rs.getString("source_address") + " " + rs.getString("action") + " "
            + rs.getString("target_type") + ":" + rs.getString("target") + " " + rs.getString("detail"));
      }
      return rows;
    }
  }
}
