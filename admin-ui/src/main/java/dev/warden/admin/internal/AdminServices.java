package dev.warden.admin.internal;

import dev.warden.plugin.AdminConfig;
import dev.warden.plugin.Warden;
import dev.warden.plugin.policy.LiveModels;
import dev.warden.plugin.policy.LiveNarratives;
import dev.warden.plugin.policy.ModelInfo;
import dev.warden.plugin.policy.ModelReload;
import dev.warden.plugin.policy.LivePolicies;
import dev.warden.plugin.policy.ScoreSamples;
import dev.warden.plugin.store.ArticleRegistry;
import dev.warden.plugin.store.AuditTrail;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.ModerationStats;
import dev.warden.plugin.store.PosterDataStore;
import dev.warden.plugin.store.PosterNotes;
import dev.warden.plugin.store.PosterSuspensions;
import dev.warden.plugin.store.SavedViews;
import dev.warden.plugin.throttle.ThrottlePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the admin API needs from the running Warden, as explicit dependencies (so tests and embedders can wire
 * it from any {@link Warden}).
 *
 * @param comments the queue of held comments
 * @param articles the article registry
 * @param admin who may log in, session timeout, CMS token
 * @param wakeReleaser called after an approval so the outbox delivers without waiting for its next poll
 * @param clock the time source for the login throttle and suspensions
 * @param throttle the comment throttle (report, surges, coordinated groups)
 * @param suspensions poster suspensions, enforced by the throttle
 * @param audit the audit trail: logins are recorded in it, and {@code GET /audit} lists it
 * @param notes moderators' notes on posters
 * @param policies the live policies of the publishers' console (versioned)
 * @param samples the score sample behind the what-if charts
 * @param narratives the narrative catalogue that publishers edit in the console (versioned)
 * @param views moderators' saved queue views
 * @param stats the stats page's aggregates
 * @param articlePaths the page of a comment's article under a context path, if known ({@link Warden#articlePath})
 * @param models the classifier models in force, which an admin may reload
 * @param posterData a poster's data on request (export, erasure); null where the embedder offers none, and the
 *     privacy endpoints then answer 404
 */
public record AdminServices(
    HeldCommentStore comments, ArticleRegistry articles, AdminConfig admin, Runnable wakeReleaser, Clock clock,
    ThrottlePolicy throttle, PosterSuspensions suspensions, AuditTrail audit, PosterNotes notes,
    LivePolicies policies, ScoreSamples samples, LiveNarratives narratives, SavedViews views,
    ModerationStats stats, BiFunction<HeldComment, String, Optional<String>> articlePaths, LiveModels models,
    PosterDataStore posterData) {
  public AdminServices {
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(articlePaths, "articlePaths");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(samples, "samples");
    Objects.requireNonNull(narratives, "narratives");
    Objects.requireNonNull(views, "views");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(throttle, "throttle");
    Objects.requireNonNull(suspensions, "suspensions");
    Objects.requireNonNull(comments, "comments");
    Objects.requireNonNull(articles, "articles");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(wakeReleaser, "wakeReleaser");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Services whose models cannot be reloaded and without privacy requests (the parameter list before
   * {@code models} and {@code posterData} existed): they report the given classifier's version, a reload is
   * refused, and the privacy endpoints answer 404.
   */
  public AdminServices(
      HeldCommentStore comments, ArticleRegistry articles, AdminConfig admin, Runnable wakeReleaser, Clock clock,
      ThrottlePolicy throttle, PosterSuspensions suspensions, AuditTrail audit, PosterNotes notes,
      LivePolicies policies, ScoreSamples samples, LiveNarratives narratives, SavedViews views,
      ModerationStats stats, BiFunction<HeldComment, String, Optional<String>> articlePaths) {
    this(comments, articles, admin, wakeReleaser, clock, throttle, suspensions, audit, notes, policies, samples,
        narratives, views, stats, articlePaths, fixedModels(narratives, clock), null);
  }

  private static LiveModels fixedModels(LiveNarratives narratives, Clock clock) {
    ModelInfo info = new ModelInfo(narratives.classifier().modelVersion(), null, clock.instant(), false);
    return new LiveModels() {
      @Override
      public ModelInfo current() {
        return info;
      }

      @Override
      public ModelReload reload() {
        return new ModelReload(ModelReload.Outcome.REFUSED, info.version(), info.version(), Duration.ZERO,
            "these admin services cannot reload models");
      }
    };
  }

  /** Services without article links (the parameter list before {@code articlePaths} existed). */
  public AdminServices(
      HeldCommentStore comments, ArticleRegistry articles, AdminConfig admin, Runnable wakeReleaser, Clock clock,
      ThrottlePolicy throttle, PosterSuspensions suspensions, AuditTrail audit, PosterNotes notes,
      LivePolicies policies, ScoreSamples samples, LiveNarratives narratives, SavedViews views,
      ModerationStats stats) {
    this(comments, articles, admin, wakeReleaser, clock, throttle, suspensions, audit, notes, policies, samples,
        narratives, views, stats, (comment, contextPath) -> Optional.empty());
  }

  /** The services of a running Warden. */
  public static AdminServices from(Warden warden) {
    return new AdminServices(
        warden.comments(), warden.articles(), warden.config().admin(), warden::wakeReleaser, warden.clock(),
        warden.throttle(), warden.suspensions(), warden.audit(), warden.posterNotes(), warden.policies(),
        warden.scoreSamples(), warden.narratives(), warden.savedViews(), warden.stats(),
        warden::articlePath, warden.models(), warden.posterData());
  }
}
