package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A store on a fresh database per test for the queue contracts ({@link QueueQueryContract}, {@link
 * QueueDecisionContract}); subclasses say which database. Comments are made with {@link #comment()}.
 */
abstract class QueueStoreBase extends StoreFixture {

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
