package dev.warden.admin.internal;

import dev.warden.plugin.policy.ScoreSamples;
import dev.warden.plugin.store.ModerationStats;
import dev.warden.plugin.store.StatsReport;
import dev.warden.plugin.store.StatsReport.ReasonRates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stats page's data, read-only: {@code GET /stats?days=N} (1 to {@value #MAX_DAYS}, default 7) covers today
 * and the {@code N - 1} UTC days before it. Moderators, publishers and admins may read it. Thread-safe.
 */
final class StatsEndpoints {
  static final int MAX_DAYS = 90;

  private final Access access;
  private final ModerationStats stats;
  private final ScoreSamples samples;
  private final Clock clock;

  StatsEndpoints(Access access, ModerationStats stats, ScoreSamples samples, Clock clock) {
    this.access = access;
    this.stats = stats;
    this.samples = samples;
    this.clock = clock;
  }

  void stats(HttpServletRequest request, HttpServletResponse response) throws IOException {
    AdminPrincipal principal = access.requireUser(request);
    if (!principal.canModerate() && !principal.canPublish()) {
      throw ApiException.forbidden("A moderator, publisher or admin role is needed.");
    }
    int days = QueueEndpoints.intParam(request, "days", 7, 1, MAX_DAYS);
    Instant since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days - 1L)
        .atStartOfDay(ZoneOffset.UTC).toInstant();
    samples.flush(); // the classified counts include what the sampler still queues
    StatsReport report = stats.since(since);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("days", days);
    body.put("since", since.toString());
    body.put("classified", report.classified());
    body.put("decisions", report.decisions().stream().map(d -> {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("moderator", d.moderator());
      view.put("day", d.day().toString());
      view.put("approved", d.approved());
      view.put("rejected", d.rejected());
      view.put("total", d.total());
      return view;
    }).toList());
    body.put("reasons", report.reasons().stream().map(r -> reason(report, r)).toList());
    Json.write(response, 200, body);
  }

  private static Map<String, Object> reason(StatsReport report, ReasonRates rates) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("reason", rates.reason());
    view.put("held", rates.held());
    view.put("holdRate", report.holdRate(rates));
    view.put("decided", rates.decided());
    view.put("overturned", rates.overturned());
    view.put("overturnRate", rates.overturnRate());
    return view;
  }
}
