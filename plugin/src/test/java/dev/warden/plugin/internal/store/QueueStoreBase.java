package dev.warden.plugin.internal.store;

import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A store on a fresh database per test for the queue contracts ({@link QueueQueryContract}, {@link
 * QueueDecisionContract}); subclasses say which database. Comments are made with {@link #comment()}.
 */
abstract class QueueStoreBase {
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

  private final List<JdbcCommentStore> opened = new ArrayList<>();
  protected final MutableClock clock = new MutableClock(T0);
  protected StoreConfig config;
  protected JdbcCommentStore store;

  /** A fresh, empty database for one test. */
  protected abstract StoreConfig createDatabase() throws Exception;

  /** Drops what {@link #createDatabase()} made; every store is closed by then. */
  protected abstract void dropDatabase() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    config = createDatabase();
    store = open();
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

  Spec comment() {
    return new Spec();
  }

  /** A comment to save, with the defaults of a held abuse comment by one poster; every setter returns it. */
  final class Spec {
    private String poster = "ip:203.0.113.7";
    private String article = "war-in-sudan";
    private String reason = "abuse";
    private Map<String, Double> scores = Map.of("abuse", 0.91, "disinformation", 0.125);
    private String language = "eng";
    private List<String> narratives = List.of();
    private Decision decision = Decision.HOLD;
    private Instant at = T0;
    private String text = "a comment";

    Spec poster(String value) {
      poster = value;
      return this;
    }

    Spec article(String value) {
      article = value;
      return this;
    }

    Spec reason(String value) {
      reason = value;
      return this;
    }

    Spec scores(Map<String, Double> value) {
      scores = value;
      return this;
    }

    Spec language(String value) {
      language = value;
      return this;
    }

    Spec narratives(String... ids) {
      narratives = List.of(ids);
      return this;
    }

    Spec rejectedByPolicy() {
      decision = Decision.REJECT;
      return this;
    }

    Spec at(Instant value) {
      at = value;
      return this;
    }

    Spec text(String value) {
      text = value;
      return this;
    }

    /** Saves it as the filter would. */
    HeldComment save() {
      return store.save(newComment());
    }

    NewComment newComment() {
      Submission submission = new Submission("POST", "/articles/" + article + "/comments",
          "application/x-www-form-urlencoded", ("text=" + text).getBytes(StandardCharsets.UTF_8));
      Map<String, Object> explanation = new HashMap<>();
      explanation.put("model", "m1");
      if (language != null) {
        explanation.put("language", language);
      }
      explanation.put("narratives", narratives.stream()
          .map(id -> Map.<String, Object>of("id", id, "title", "Narrative " + id, "similarity", 0.7)).toList());
      return new NewComment(article, poster, "Olena", text, submission, scores, explanation, decision, reason, at);
    }
  }
}
