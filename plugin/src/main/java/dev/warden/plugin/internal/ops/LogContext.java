package dev.warden.plugin.internal.ops;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * The SLF4J MDC keys Warden sets while it handles a comment, so that every log line about it carries its ids:
 * {@value #REQUEST} (a short random id per comment submission, also sent back as {@value #RESPONSE_HEADER}) and
 * {@value #COMMENT} (the stored comment's id, once known). A {@link Scope} removes what it set, so nothing leaks to
 * the next request on a pooled thread. Stateless.
 */
public final class LogContext {
  /** MDC key of the request id. */
  public static final String REQUEST = "warden.request";
  /** MDC key of the stored comment's id. */
  public static final String COMMENT = "warden.comment";
  /** Response header that tells a client (or a support ticket) its request id. */
  public static final String RESPONSE_HEADER = "X-Warden-Request-Id";

  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int ID_LENGTH = 12;

  private LogContext() {}

  /**
   * A new request id: 12 base-36 characters (62 bits). It correlates log lines and is no secret, so a fast
   * non-cryptographic source is enough.
   */
  public static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[ID_LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }

  /** Sets the request id until the scope is closed; a comment id set meanwhile is removed with it. */
  public static Scope request(String requestId) {
    Scope scope = new Scope();
    MDC.put(REQUEST, requestId);
    return scope;
  }

  /** Sets the comment id until the scope is closed (e.g. one delivery of the release outbox). */
  public static Scope comment(String commentId) {
    Scope scope = new Scope();
    MDC.put(COMMENT, commentId);
    return scope;
  }

  /** Names the comment the current scope is about, once it is stored or known. */
  public static void commentIs(String commentId) {
    MDC.put(COMMENT, commentId);
  }

  /** Restores both keys to what they were when the scope was opened. Not thread-safe: close on the same thread. */
  public static final class Scope implements AutoCloseable {
    private final String request = MDC.get(REQUEST);
    private final String comment = MDC.get(COMMENT);

    private Scope() {}

    @Override
    public void close() {
      restore(REQUEST, request);
      restore(COMMENT, comment);
    }

    private static void restore(String key, String value) {
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    }
  }
}
