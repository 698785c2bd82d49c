package dev.warden.plugin;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.internal.config.WardenConfigLocator;
import dev.warden.plugin.internal.http.EndpointMatcher;
import dev.warden.plugin.internal.http.OpsEndpoints;
import dev.warden.plugin.internal.http.StatusPage;
import dev.warden.plugin.internal.http.SubmissionHandler;
import dev.warden.plugin.internal.ops.LogContext;
import dev.warden.plugin.internal.ops.ModerationEvents;
import dev.warden.plugin.internal.policy.ArticlePolicies;
import dev.warden.plugin.internal.policy.Moderator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Catches comment submissions and moderates them before the site sees them. Requests to no configured comment
 * endpoint pass through untouched. A submission is read once (bounded), classified and then let through with its
 * body re-exposed, or held (202 / 303 {@code ?comment=pending}), or rejected (422 / 303 {@code ?comment=rejected});
 * a signed release replay of an approved comment is verified and let through once. Held and rejected comments
 * get a status link, {@code <context>/warden/status/{token}}, which the filter answers itself (so it must be mapped
 * to {@code /*}, or at least to {@code /warden/status/*} as well as the comment endpoints). It also answers the
 * operators' {@code <context>/warden/health} and {@code <context>/warden/metrics} ({@link OpsEndpoints}). A reader
 * never gets an error page from Warden: bad input gets a 4xx, an unavailable store a 503 with {@code Retry-After}.
 * A method other than GET, HEAD or OPTIONS that a comment endpoint's path does not take gets 405, so a comment
 * cannot reach the site by PUT or PATCH without being judged.
 * Each comment submission gets a request id, sent back as {@value LogContext#RESPONSE_HEADER} and put in the SLF4J
 * MDC ({@value LogContext#REQUEST}, and {@value LogContext#COMMENT} once the comment is stored) while the filter
 * and the site handle it.
 *
 * <p>Init parameters:
 *
 * <dl>
 *   <dt>{@value #CONFIG_PARAMETER}
 *   <dd>path of warden.yaml. Default: the context init-param of the same name, then the system property of the
 *       same name, then the environment variable {@code WARDEN_CONFIG}.
 * </dl>
 *
 * <p>The filter shares the web application's {@link Warden} (started on first use); it stops it on
 * {@link #destroy()} only if it started it. Usually installed by {@link WardenInitializer}; it may also be declared
 * in web.xml or built around a running {@link Warden} with {@link #ModerationFilter(Warden)}. Thread-safe.
 */
public class ModerationFilter implements Filter {
  /** Init-param naming the warden.yaml file. */
  public static final String CONFIG_PARAMETER = WardenConfigLocator.PARAMETER;

  private Warden warden;
  private boolean ownsWarden;
  private volatile SubmissionHandler handler;
  private volatile StatusPage statusPage;
  private volatile OpsEndpoints ops;
  private volatile ModerationEvents events = ModerationEvents.NONE;
  private final Ticker ticker = Ticker.systemTicker();

  /** For containers: the Warden is found or started in {@link #init(FilterConfig)}. */
  public ModerationFilter() {}

  /** Moderates with an already running Warden, which the caller keeps and closes. */
  public ModerationFilter(Warden warden) {
    this.warden = warden;
    this.statusPage = new StatusPage(warden.comments(), warden.config().store().outageRetry());
    this.ops = opsFor(warden);
    this.events = warden.events();
    this.handler = handlerFor(warden);
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    if (handler != null) {
      return;
    }
    Warden.Obtained obtained =
        Warden.obtain(filterConfig.getServletContext(), filterConfig.getInitParameter(CONFIG_PARAMETER));
    warden = obtained.warden();
    ownsWarden = obtained.started();
    statusPage = new StatusPage(warden.comments(), warden.config().store().outageRetry());
    ops = opsFor(warden);
    events = warden.events();
    handler = handlerFor(warden);
  }

  private static SubmissionHandler handlerFor(Warden warden) {
    WardenConfig config = warden.config();
    ArticlePolicies articles = new ArticlePolicies(warden.policies()::settings, warden.articles(),
        Ticker.systemTicker());
    Moderator moderator = new Moderator(warden::classifier, articles);
    return new SubmissionHandler(config, moderator, warden.throttle(), warden.comments(), warden.scoreSink(),
        warden.clock(), warden.events());
  }

  private static OpsEndpoints opsFor(Warden warden) {
    return new OpsEndpoints(warden.health(), warden.meters(), warden.config().ops().scrapeToken());
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    SubmissionHandler submissions = handler;
    if (submissions == null
        || !(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse httpResponse)) {
      chain.doFilter(request, response);
      return;
    }
    StatusPage status = statusPage;
    if (status != null && status.matches(http)) {
      status.handle(http, httpResponse);
      return;
    }
    OpsEndpoints operators = ops;
    if (operators != null && operators.matches(http)) {
      operators.handle(http, httpResponse);
      return;
    }
    EndpointMatcher.Match match = submissions.match(http);
    if (match == null) {
      if (!submissions.refuseOtherMethod(http, httpResponse)) {
        chain.doFilter(request, response);
      }
      return;
    }
    String requestId = LogContext.newRequestId();
    httpResponse.setHeader(LogContext.RESPONSE_HEADER, requestId);
    // The site's own servlet runs inside the scope too, so its log lines about this comment carry the id.
    try (LogContext.Scope scope = LogContext.request(requestId)) {
      long start = ticker.read();
      SubmissionHandler.Outcome outcome = submissions.handle(match, http, httpResponse);
      long spent = ticker.read() - start;
      if (outcome instanceof SubmissionHandler.PassOn pass) {
        chain.doFilter(pass.request(), response);
        long after = ticker.read();
        submissions.afterPassOn(pass, httpResponse);
        events.moderated(ModerationEvents.PASSED, spent + ticker.read() - after);
      } else {
        events.moderated(ModerationEvents.ANSWERED, spent);
      }
    }
  }

  @Override
  public void destroy() {
    handler = null;
    statusPage = null;
    ops = null;
    if (ownsWarden && warden != null) {
      warden.close();
    }
  }
}
