package dev.warden.plugin.internal.policy;

import dev.warden.classifier.NarrativeMatch;
import dev.warden.classifier.Term;
import dev.warden.classifier.Verdict;
import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.PolicyConfig.LabelThresholds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the explanation stored with a held comment, which is what moderators see: the terms behind each label and
 * kind (with their spans in the comment), the detected language, the verdict's flags, the known narratives it
 * resembles, the model version, the policy (and the article's section, when registered) and its thresholds.
 * Bounded, because a publisher's catalogue or a future model must not be able to bloat every stored row: at most {@value #MAX_TERMS} terms per name,
 * {@value #MAX_NARRATIVES} narratives and {@value #MAX_FLAGS} flags, and long strings are cut. Stateless.
 */
final class Explanation {
  static final int MAX_TERMS = 10;
  static final int MAX_NARRATIVES = 5;
  static final int MAX_FLAGS = 10;
  private static final int MAX_TERM_CHARS = 100;
  private static final int MAX_TITLE_CHARS = 200;
  private static final int MAX_DESCRIPTION_CHARS = 1000;
  private static final int MAX_URL_CHARS = 2000;
  private static final int MAX_CODE_CHARS = 64;

  private Explanation() {}

  /** The explanation of a verdict under a policy. */
  static Map<String, Object> of(Verdict verdict, ArticlePolicies.Choice choice) {
    Map<String, Object> explanation = base(verdict.modelVersion(), choice);
    explanation.put("terms", terms(verdict.terms()));
    explanation.put("language", cut(verdict.language(), MAX_CODE_CHARS));
    explanation.put("flags", verdict.flags().stream().sorted().limit(MAX_FLAGS)
        .map(f -> cut(f, MAX_CODE_CHARS)).toList());
    explanation.put("narratives", verdict.narratives().stream().limit(MAX_NARRATIVES)
        .map(Explanation::narrative).toList());
    return explanation;
  }

  /** The explanation of a comment the classifier could not score. */
  static Map<String, Object> failed(String model, ArticlePolicies.Choice choice) {
    Map<String, Object> explanation = base(model, choice);
    explanation.put("terms", Map.of());
    return explanation;
  }

  private static Map<String, Object> base(String model, ArticlePolicies.Choice choice) {
    PolicyConfig policy = choice.policy();
    Map<String, Object> thresholds = new LinkedHashMap<>();
    for (String name : PolicyConfig.SCORED) {
      LabelThresholds t = policy.thresholds(name);
      Map<String, Object> pair = new HashMap<>(); // values may be null (off)
      pair.put("hold", t.hold());
      pair.put("reject", t.reject());
      thresholds.put(name, pair);
    }
    Map<String, Object> explanation = new LinkedHashMap<>();
    explanation.put("model", model);
    explanation.put("policy", choice.name());
    if (choice.section() != null) {
      // The what-if charts measure a section policy's precision on its section's decided comments.
      explanation.put("section", cut(choice.section(), MAX_TITLE_CHARS));
    }
    explanation.put("thresholds", thresholds);
    return explanation;
  }

  private static Map<String, Object> terms(Map<String, List<Term>> terms) {
    Map<String, Object> byName = new LinkedHashMap<>();
    // Labels and kinds first in display order, then anything else the model names.
    List<String> names = new ArrayList<>(PolicyConfig.SCORED);
    terms.keySet().stream().filter(n -> !names.contains(n)).sorted().forEach(names::add);
    for (String name : names) {
      List<Term> list = terms.get(name);
      if (list != null) {
        byName.put(cut(name, MAX_CODE_CHARS), list.stream().limit(MAX_TERMS).map(Explanation::term).toList());
      }
    }
    return byName;
  }

  private static Map<String, Object> term(Term t) {
    Map<String, Object> term = new LinkedHashMap<>();
    term.put("text", cut(t.text(), MAX_TERM_CHARS));
    term.put("weight", t.weight());
    if (t.hasSpan()) {
      term.put("start", t.start());
      term.put("end", t.end());
    }
    return term;
  }

  private static Map<String, Object> narrative(NarrativeMatch n) {
    Map<String, Object> narrative = new LinkedHashMap<>();
    narrative.put("id", cut(n.id(), MAX_TITLE_CHARS));
    narrative.put("title", cut(n.title(), MAX_TITLE_CHARS));
    narrative.put("description", cut(n.description(), MAX_DESCRIPTION_CHARS));
    narrative.put("similarity", n.similarity());
    String url = webUrl(n.debunkUrl());
    if (url != null) {
      narrative.put("debunkUrl", url);
    }
    return narrative;
  }

  /** The URL if it is an http(s) link of sane length; anything else (javascript:, data:, junk) is dropped. */
  static String webUrl(String url) {
    if (url == null || url.length() > MAX_URL_CHARS) {
      return null;
    }
    String trimmed = url.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    boolean web = lower.startsWith("https://") || lower.startsWith("http://");
    return web && trimmed.chars().noneMatch(c -> c <= ' ') ? trimmed : null;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
