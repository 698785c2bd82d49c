package dev.warden.admin.internal;

import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.PolicySettings;
import dev.warden.plugin.policy.LivePolicies;
import dev.warden.plugin.policy.ScoreHistogram;
import dev.warden.plugin.policy.ScoreSamples;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.ModeratedScores;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /whatif?policy=conflict&label=abuse&days=7}: what a threshold would have done to recent comments. The
 * answer carries the histogram of the label's recent scores ({@value #CHART_BINS} bins), the policy's current hold
 * and reject thresholds, and for every candidate threshold from 0.00 to 1.00 in steps of 0.01: how many sampled
 * comments per day scored at or above it (what it would have held, for this label alone) and the precision of holds
 * there, from moderators' decisions: of the decided held comments scoring at or above it, the share moderators
 * rejected. The whole table comes at once, so a slider needs no round-trips. Publishers and admins only.
 * Thread-safe.
 */
final class WhatIfEndpoints {
  /** Bars in the chart: pairs of the sample's 0.01 bins. */
  static final int CHART_BINS = 50;
  static final int MAX_DAYS = 365;

  private final Access access;
  private final LivePolicies policies;
  private final ScoreSamples samples;
  private final HeldCommentStore comments;
  private final Clock clock;

  WhatIfEndpoints(Access access, LivePolicies policies, ScoreSamples samples, HeldCommentStore comments,
      Clock clock) {
    this.access = access;
    this.policies = policies;
    this.samples = samples;
    this.comments = comments;
    this.clock = clock;
  }

  void whatIf(HttpServletRequest request, HttpServletResponse response) throws IOException {
    access.requirePublisher(request);
    String policy = policy(request.getParameter("policy"));
    String label = label(request.getParameter("label"));
    int days = QueueEndpoints.intParam(request, "days", 7, 1, MAX_DAYS);
    Instant now = clock.instant();
    Instant since = now.minus(Duration.ofDays(days));
    samples.flush(); // this node's latest comments count too
    ScoreHistogram histogram = samples.histogram(policy, label, since);
    double coveredDays = coveredDays(histogram, now, days);
    long[] decided = new long[ScoreHistogram.BINS];
    long[] rejected = new long[ScoreHistogram.BINS];
    moderated(policy, label, since, decided, rejected);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("policy", policy);
    body.put("label", label);
    body.put("days", days);
    body.put("since", since.toString());
    body.put("samples", histogram.total());
    body.put("coveredDays", coveredDays);
    body.put("binWidth", 1.0 / CHART_BINS);
    body.put("bins", chartBins(histogram));
    body.put("current", current(policy, label));
    body.put("thresholds", thresholds(histogram, coveredDays, decided, rejected));
    body.put("dropped", samples.dropped());
    Json.write(response, 200, body);
  }

  /**
   * Days the sample really covers: from its oldest sample in the window to now, at least one day (so a fresh
   * install does not extrapolate an hour to a day) and at most the window.
   */
  private static double coveredDays(ScoreHistogram histogram, Instant now, int days) {
    if (histogram.earliest() == null) {
      return days;
    }
    double covered = Duration.between(histogram.earliest(), now).toSeconds() / 86_400.0;
    return Math.max(1.0, Math.min(days, covered));
  }

  /** Counts moderators' decisions by the 0.01 bin of the label's score. */
  private void moderated(String policy, String label, Instant since, long[] decided, long[] rejected) {
    String section = policy.startsWith(PolicySettings.SECTION_PREFIX)
        ? policy.substring(PolicySettings.SECTION_PREFIX.length()) : null;
    for (ModeratedScores m : comments.moderatedSince(since, HeldCommentStore.MAX_MODERATED)) {
      boolean matches = section != null ? section.equals(m.section()) : policy.equals(m.policy());
      Double score = m.scores().get(label);
      if (matches && score != null && Double.isFinite(score)) {
        int bin = bin(score);
        decided[bin]++;
        if (m.rejected()) {
          rejected[bin]++;
        }
      }
    }
  }

  /** The 0.01 bin of a score, as the sample's histogram bins it. */
  static int bin(double score) {
    int bin = (int) Math.floor(Math.max(0, Math.min(1, score)) * ScoreHistogram.BINS + 1e-9);
    return Math.min(ScoreHistogram.BINS - 1, bin);
  }

  private static List<Long> chartBins(ScoreHistogram histogram) {
    int per = ScoreHistogram.BINS / CHART_BINS;
    List<Long> bins = new ArrayList<>(CHART_BINS);
    for (int i = 0; i < CHART_BINS; i++) {
      long sum = 0;
      for (int j = 0; j < per; j++) {
        sum += histogram.count(i * per + j);
      }
      bins.add(sum);
    }
    return bins;
  }

  private static List<Map<String, Object>> thresholds(ScoreHistogram histogram, double coveredDays, long[] decided,
      long[] rejected) {
    List<Map<String, Object>> rows = new ArrayList<>(ScoreHistogram.BINS + 1);
    long decidedAbove = 0;
    long rejectedAbove = 0;
    long heldAbove = 0;
    // From 1.00 down, accumulating: at k/100 everything in bins k..99 scores at or above it.
    for (int k = ScoreHistogram.BINS; k >= 0; k--) {
      if (k < ScoreHistogram.BINS) {
        heldAbove += histogram.count(k);
        decidedAbove += decided[k];
        rejectedAbove += rejected[k];
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("threshold", k / (double) ScoreHistogram.BINS);
      row.put("held", heldAbove);
      row.put("heldPerDay", Math.round(heldAbove / coveredDays * 10) / 10.0);
      row.put("decided", decidedAbove);
      row.put("rejected", rejectedAbove);
      row.put("precision", decidedAbove == 0 ? null : rejectedAbove / (double) decidedAbove);
      rows.add(0, row);
    }
    return rows;
  }

  private Map<String, Object> current(String policy, String label) {
    PolicyConfig config = policies.settings().policy(policy);
    PolicyConfig.LabelThresholds thresholds = config == null ? PolicyConfig.LabelThresholds.OFF
        : config.thresholds(label);
    Map<String, Object> current = new LinkedHashMap<>(); // values may be null (off)
    current.put("exists", config != null);
    current.put("hold", thresholds.hold());
    current.put("reject", thresholds.reject());
    return current;
  }

  private static String policy(String policy) {
    if (policy == null || policy.isBlank()) {
      return PolicySettings.CONFLICT;
    }
    boolean named = PolicySettings.DEFAULT.equals(policy) || PolicySettings.CONFLICT.equals(policy);
    String section = policy.startsWith(PolicySettings.SECTION_PREFIX)
        ? policy.substring(PolicySettings.SECTION_PREFIX.length()) : null;
    boolean validSection = section != null && !section.isBlank() && section.length() <= PolicySettings.MAX_SECTION_NAME
        && section.strip().equals(section) && section.chars().noneMatch(Character::isISOControl);
    if (!named && !validSection) {
      throw ApiException.invalidField("policy", "'policy' must be default, conflict or section:<name>.");
    }
    return policy;
  }

  private static String label(String label) {
    if (label == null || label.isBlank()) {
      return "abuse";
    }
    if (!PolicyConfig.SCORED.contains(label)) {
      throw ApiException.invalidField("label", "'label' must be one of " + String.join(", ", PolicyConfig.SCORED)
          + ".");
    }
    return label;
  }
}
