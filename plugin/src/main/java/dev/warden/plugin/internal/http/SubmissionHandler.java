package dev.warden.plugin.internal.http;

import dev.warden.plugin.WardenConfig;
import dev.warden.plugin.internal.ops.LogContext;
import dev.warden.plugin.internal.ops.ModerationEvents;
import dev.warden.plugin.internal.policy.ArticlePolicies;
import dev.warden.plugin.internal.policy.Assessment;
import dev.warden.plugin.internal.policy.Moderator;
import dev.warden.plugin.internal.release.ReleaseSignature;
import dev.warden.plugin.policy.ScoreSample;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.SavedComment;
import dev.warden.plugin.store.StoreException;
import dev.warden.plugin.store.StoreUnavailableException;
import dev.warden.plugin.store.Submission;
import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.ThrottleDecision;
import dev.warden.plugin.throttle.ThrottlePolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one request to a comment endpoint: captures the body, then either moderates the comment (throttle
 * first — a refused comment gets 429 and costs no classification — then allow, or store and answer for
 * hold/reject) or, for a signed release replay, verifies and consumes the signature. It never
 * throws for a reader's request: bad input gets a 4xx, a store or internal failure a 503 with {@code Retry-After}.
 * What the site's own servlet does is outside: the filter runs the chain for a {@link PassOn}. Every decision,
 * throttle event and classification time goes to {@link ModerationEvents}; once a comment is stored or a replay
 * names one, its id is put in the log context ({@value LogContext#COMMENT}). Thread-safe.
 */
public final class SubmissionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SubmissionHandler.class);

  private final EndpointMatcher matcher;
  private final BodyCapture capture;
  private final CommentExtractor extractor = new CommentExtractor();
  private final PosterKeys posters;
  private final Moderator moderator;
  private final ThrottlePolicy throttle;
  private final HeldCommentStore store;
  private final ReleaseSignature signature;
  private final Consumer<ScoreSample> samples;
  private final Clock clock;
  private final ModerationEvents events;
  private final Duration outageRetry;

  /**
   * @param samples receives the scores of every classified comment for the what-if charts; must not block
   */
  public SubmissionHandler(WardenConfig config, Moderator moderator, ThrottlePolicy throttle, HeldCommentStore store,
      Consumer<ScoreSample> samples, Clock clock) {
    this(config, moderator, throttle, store, samples, clock, ModerationEvents.NONE);
  }

  /**
   * @param samples receives the scores of every classified comment for the what-if charts; must not block
   * @param events receives decisions, throttle events and classification times for the metrics
   */
  public SubmissionHandler(WardenConfig config, Moderator moderator, ThrottlePolicy throttle, HeldCommentStore store,
      Consumer<ScoreSample> samples, Clock clock, ModerationEvents events) {
    this.matcher = new EndpointMatcher(config.endpoints());
    this.capture = new BodyCapture(config.limits().maxBody());
    this.posters = new PosterKeys(config.network().trustedProxyBlocks(), config.throttle().posterKey());
    this.moderator = moderator;
    this.throttle = throttle;
    this.store = store;
    this.signature = new ReleaseSignature(config.release().secret());
    this.samples = samples;
    this.clock = clock;
    this.events = events;
    this.outageRetry = config.store().outageRetry();
  }

  /** What the filter does next. */
  public sealed interface Outcome permits Answered, PassOn {}

  /** The filter answered the request itself; the site is not called. */
  public record Answered() implements Outcome {}

  /**
   * The request goes on to the site, with its body re-exposed.
   *
   * @param request the request to pass down the chain
   * @param releasedCommentId the comment being released by a signed replay, else null
   */
  public record PassOn(HttpServletRequest request, String releasedCommentId) implements Outcome {}

  private static final Answered ANSWERED = new Answered();

  /**
   * The endpoint a request is for, or null (then the filter passes it on untouched). The raw path is tried first;
   * then the container's decoded, normalised path ({@code /articles/x/%63omments}, {@code .../comments;a=b},
   * {@code ..././comments}, a trailing slash), which is what the site routes on, so spelling the path oddly does
   * not skip moderation.
   */
  public EndpointMatcher.Match match(HttpServletRequest request) {
    String method = request.getMethod();
    if (!matcher.handles(method)) {
      return null; // page views: one set lookup
    }
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    int start = context.isEmpty() || !uri.startsWith(context) ? 0 : context.length();
    EndpointMatcher.Match raw = matcher.match(method, uri, start);
    if (raw != null) {
      return raw;
    }
    for (String path : canonicalPaths(request)) {
      EndpointMatcher.Match match = matcher.match(method, path, 0);
      if (match != null) {
        return match;
      }
    }
    return null;
  }

  /**
   * Answers 405 {@code method_not_allowed} (with {@code Allow}) to a method other than GET, HEAD or OPTIONS on a
   * comment endpoint's path that the endpoint does not take: a site that handles PUT or PATCH there would
   * otherwise take a comment Warden never saw.
   *
   * @return true if the request was answered
   */
  public boolean refuseOtherMethod(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return false;
    }
    java.util.Set<String> allowed = new java.util.TreeSet<>();
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    allowed.addAll(matcher.methodsFor(uri, context.isEmpty() || !uri.startsWith(context) ? 0 : context.length()));
    for (String path : canonicalPaths(request)) {
      allowed.addAll(matcher.methodsFor(path, 0));
    }
    if (allowed.isEmpty()) {
      return false;
    }
    response.setHeader("Allow", String.join(", ", allowed));
    ModerationResponses.error(response, 405, "method_not_allowed",
        "comments are sent with " + String.join(" or ", allowed));
    return true;
  }

  /** The servlet path plus path info (decoded, dot segments and ;parameters removed), with and without a trailing /. */
  private static List<String> canonicalPaths(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String info = request.getPathInfo();
    String path = (servletPath == null ? "" : servletPath) + (info == null ? "" : info);
    if (path.length() > 1 && path.endsWith("/")) {
      return List.of(path, path.substring(0, path.length() - 1));
    }
    return List.of(path);
  }

  /** Handles a matched request; answers it or says how to pass it on. */
  public Outcome handle(EndpointMatcher.Match match, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      CapturedBody body = capture.capture(request);
      String release = request.getHeader(ReleaseSignature.HEADER);
      return release != null ? release(release, body, request, response) : moderate(match, body, request, response);
    } catch (RequestRejection e) {
      ModerationResponses.error(response, e.status(), e.code(), e.getMessage());
    } catch (StoreException e) {
      events.decided(ModerationEvents.ERROR, "store_unavailable");
      if (e instanceof StoreUnavailableException) {
        // Refused without asking the database: the outage was logged once when it began.
        LOG.debug("Store marked unavailable; refused a submission to {}", match.endpoint().name());
      } else {
        LOG.warn("Store unavailable for a submission to {}: {}", match.endpoint().name(), e.toString());
      }
      ModerationResponses.unavailable(response, "store_unavailable",
          "comments cannot be accepted right now; please try again",
          ModerationResponses.storeRetryAfter(e, outageRetry));
    } catch (RuntimeException e) {
      events.decided(ModerationEvents.ERROR, "unavailable");
      LOG.error("Moderation failed for a submission to {}", match.endpoint().name(), e);
      ModerationResponses.unavailable(response, "unavailable",
          "comments cannot be accepted right now; please try again");
    }
    return ANSWERED;
  }

  /** After the site answered a passed-on request: a released comment the site accepted is delivered. */
  public void afterPassOn(PassOn pass, HttpServletResponse response) {
    String id = pass.releasedCommentId();
    if (id == null) {
      return;
    }
    int status = response.getStatus();
    if (status >= 400) {
      LOG.warn("Site answered {} to the release of comment {}; the outbox will retry", status, id);
      return;
    }
    try {
      store.markDelivered(id);
      LOG.info("Comment {} delivered to the site ({})", id, status);
    } catch (RuntimeException e) {
      LOG.warn("Comment {} reached the site but could not be marked delivered: {}", id, e.toString());
    }
  }

  private Outcome moderate(EndpointMatcher.Match match, CapturedBody body, HttpServletRequest request,
      HttpServletResponse response) throws RequestRejection, IOException {
    Comment comment = extractor.extract(match.endpoint(), match.variables(), body, request.getQueryString());
    // Read once: the throttle, the thresholds and the sample all see the same version of the live settings.
    ArticlePolicies.Choice policy = moderator.choose(comment.articleId(), requestPath(request));
    PosterKeys.PosterIdentity poster = posters.identify(request);
    ThrottleDecision limit = throttle.check(new PostAttempt(poster.posterKey(), poster.addressKey(),
        comment.articleId(), policy.conflict(), comment.text(), policy.section()));
    if (limit.action() == ThrottleDecision.Action.REFUSE) {
      events.throttled("refuse", limit.reason());
      events.decided(ModerationEvents.THROTTLE, limit.reason());
      LOG.info("Throttled a comment on article {} via endpoint {}: {} (poster {})", comment.articleId(),
          match.endpoint().name(), limit.reason(), poster.posterKey());
      ModerationResponses.throttled(request, response, returnTo(match, request), limit);
      return ANSWERED;
    }
    Assessment assessment =
        events.timeClassification(() -> moderator.assess(comment.text(), comment.articleId(), policy));
    // A strike is for what the poster wrote, not for a surge or a campaign they may be part of innocently.
    throttle.recordModeration(poster.posterKey(), assessment.decision());
    if (limit.action() == ThrottleDecision.Action.HOLD) {
      events.throttled("hold", limit.reason());
      assessment = assessment.heldByThrottle(limit.reason(), limit.group());
    }
    sample(comment.articleId(), policy, assessment);
    // On every verdict, including a comment passed on to the site: which models judged it.
    response.setHeader(ModerationResponses.MODEL_HEADER, assessment.modelVersion());
    if (assessment.decision() == Decision.ALLOW) {
      events.decided(ModerationEvents.ALLOW, assessment.reason());
      return new PassOn(new ReplayableRequest(request, body, comment.form()), null);
    }
    SavedComment saved = store.saveWithStatusToken(new NewComment(
        comment.articleId(),
        poster.posterKey(),
        comment.author(),
        comment.text(),
        submission(request, body),
        assessment.scores(),
        assessment.explanation(),
        assessment.decision(),
        assessment.reason(),
        clock.instant(),
        limit.group()));
    String id = saved.comment().id();
    LogContext.commentIs(id);
    events.decided(assessment.decision() == Decision.HOLD ? ModerationEvents.HOLD : ModerationEvents.REJECT,
        assessment.reason());
    LOG.info("Comment {} on article {} via endpoint {}: {} ({})", id, comment.articleId(), match.endpoint().name(),
        assessment.decision(), assessment.reason());
    String returnTo = returnTo(match, request);
    if (assessment.decision() == Decision.HOLD) {
      ModerationResponses.pending(request, response, returnTo, id, saved.statusToken(), assessment.modelVersion());
    } else {
      ModerationResponses.rejected(request, response, returnTo, assessment.reason(), saved.statusToken(),
          assessment.modelVersion());
    }
    return ANSWERED;
  }

  /** Queues the scores of a classified comment (never its text or poster) for the what-if charts. */
  private void sample(String articleId, ArticlePolicies.Choice policy, Assessment assessment) {
    if (!assessment.scores().isEmpty()) {
      samples.accept(new ScoreSample(clock.instant(), articleId, policy.name(), policy.section(),
          assessment.scores(), assessment.decision()));
    }
  }

  private Outcome release(String header, CapturedBody body, HttpServletRequest request,
      HttpServletResponse response) throws RequestRejection, IOException {
    ReleaseSignature.Signed signed = signature.verify(header, body.bytes());
    if (signed == null || !store.consumeReleaseNonce(signed.commentId(), signed.nonce())) {
      LOG.warn("Refused a release replay{}: bad or reused signature",
          signed == null ? "" : " for comment " + signed.commentId());
      ModerationResponses.error(response, 403, "bad_release_signature", "the release signature is not valid");
      return ANSWERED;
    }
    LogContext.commentIs(signed.commentId());
    Map<String, List<String>> form = body.mediaType().isForm()
        ? FormBody.parse(body.bytes(), body.mediaType().charset()) : null;
    return new PassOn(new ReplayableRequest(request, body, form), signed.commentId());
  }

  private static String requestPath(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context.isEmpty() || !uri.startsWith(context) ? uri : uri.substring(context.length());
  }

  private static Submission submission(HttpServletRequest request, CapturedBody body) {
    String query = request.getQueryString();
    String path = request.getRequestURI() + (query == null ? "" : "?" + query);
    return new Submission(request.getMethod(), path, body.contentType(), body.bytes());
  }

  /** The endpoint's return-to with path variables filled in, under the context path; null if none. */
  private static String returnTo(EndpointMatcher.Match match, HttpServletRequest request) {
    return match.returnTo(request.getContextPath());
  }
}
