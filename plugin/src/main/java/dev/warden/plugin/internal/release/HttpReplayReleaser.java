package dev.warden.plugin.internal.release;

import dev.warden.plugin.ReleaseConfig;
import dev.warden.plugin.spi.CommentReleaser;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.ReleaseClaim;
import dev.warden.plugin.store.Submission;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * The default release: replays the reader's original submission (method, path, Content-Type, raw body) to the
 * site with a signed {@link ReleaseSignature#HEADER}, which the filter verifies to let it through without
 * re-moderation. A 2xx or 3xx answer is success (redirects are not followed: a form post normally answers 303);
 * anything else is a {@link ReleaseRefusedException}. Thread-safe.
 */
public final class HttpReplayReleaser implements CommentReleaser {
  private final String origin;
  private final ReleaseSignature signature;
  private final Duration timeout;
  private final HttpClient client;

  /** A releaser for {@code release.target}, {@code release.secret} and {@code release.request-timeout}. */
  public HttpReplayReleaser(ReleaseConfig config) {
    this(config.target(), new ReleaseSignature(config.secret()), config.requestTimeout());
  }

  HttpReplayReleaser(URI target, ReleaseSignature signature, Duration timeout) {
    Objects.requireNonNull(target, "target");
    if (target.getScheme() == null || target.getRawAuthority() == null) {
      throw new IllegalArgumentException("release target must be an absolute http(s) URL: " + target);
    }
    // The stored path is the request URI as the site saw it, context path included, so it is resolved against
    // the target's origin: a path in the target itself would be counted twice.
    this.origin = target.getScheme() + "://" + target.getRawAuthority();
    this.signature = Objects.requireNonNull(signature, "signature");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout)
        .build();
  }

  @Override
  public void deliver(ReleaseClaim claim) throws IOException, InterruptedException {
    HeldComment comment = claim.comment();
    Submission submission = comment.submission();
    byte[] body = submission.body();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + submission.path()))
        .timeout(timeout)
        .method(submission.method(), HttpRequest.BodyPublishers.ofByteArray(body))
        .header(ReleaseSignature.HEADER, signature.sign(comment.id(), claim.nonce(), body));
    if (submission.contentType() != null) {
      request.header("Content-Type", submission.contentType());
    }
    HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    int status = response.statusCode();
    if (status < 200 || status >= 400) {
      throw new ReleaseRefusedException(comment.id(), status);
    }
  }
}
