package dev.warden.plugin.internal.throttle;

/**
 * What the throttle remembers about one key: the comments it posted (tick, article hash, text hash), the comments
 * posted from it as a client address, and its strikes. A key that posts once costs a few small arrays; the history
 * is bounded, so a poster who posts more than {@code historyLimit} comments within the longest window is checked
 * for duplicates and per-article caps against its latest {@code historyLimit} comments only.
 *
 * <p>Not thread-safe on its own: callers hold its monitor ({@code synchronized (state)}) around every use.
 */
final class PosterState {
  private static final int TICK = 0;
  private static final int ARTICLE = 1;
  private static final int TEXT = 2;

  private final LongRing posts;
  private final int addressLimit;
  /** Comments from this key as a client address, under any poster key; null until the first. */
  private LongRing addressPosts;
  private int strikes;
  /** When the current strike started decaying. */
  private long strikesSince;

  PosterState(int historyLimit, int addressLimit) {
    this.posts = new LongRing(3, historyLimit);
    this.addressLimit = addressLimit;
  }

  /** Lets the history keep at least {@code historyLimit} comments from now on (never shrinks it). */
  void ensureHistory(int historyLimit) {
    posts.raiseMaxEntries(historyLimit);
  }

  /** The tick of this poster's comment {@code age} places back from its latest, or {@link LongRing#NONE}. */
  long postTick(int age) {
    return posts.tick(age);
  }

  /** The tick of the latest comment with this text posted less than {@code window} before {@code now}, or NONE. */
  long latestWithText(long textHash, long now, long window) {
    for (int age = 0, n = posts.size(); age < n; age++) {
      long tick = posts.get(age, TICK);
      if (now - tick >= window) {
        break;
      }
      if (posts.get(age, TEXT) == textHash) {
        return tick;
      }
    }
    return LongRing.NONE;
  }

  /**
   * The tick of the {@code max}-th latest comment on this article posted less than {@code window} before
   * {@code now} (the one whose leaving the window frees the allowance), or NONE if there are fewer.
   */
  long nthLatestOnArticle(long articleHash, int max, long now, long window) {
    int seen = 0;
    for (int age = 0, n = posts.size(); age < n; age++) {
      long tick = posts.get(age, TICK);
      if (now - tick >= window) {
        break;
      }
      if (posts.get(age, ARTICLE) == articleHash && ++seen == max) {
        return tick;
      }
    }
    return LongRing.NONE;
  }

  /** The tick of the comment posted from this address {@code age} places back from the latest, or NONE. */
  long addressTick(int age) {
    return addressPosts == null ? LongRing.NONE : addressPosts.tick(age);
  }

  /** Remembers an admitted comment of this poster. Ticks never go back, so the history stays in order. */
  void recordPost(long tick, long articleHash, long textHash, long retention) {
    int offset = posts.append(notBefore(tick, posts.tick(0)), retention);
    posts.set(offset, ARTICLE, articleHash);
    posts.set(offset, TEXT, textHash);
  }

  /** Remembers an admitted comment sent from this key as a client address. */
  void recordAddressPost(long tick, long retention) {
    if (addressPosts == null) {
      addressPosts = new LongRing(1, addressLimit);
    }
    addressPosts.append(notBefore(tick, addressPosts.tick(0)), retention);
  }

  /** Ticks are read before the monitor is taken, so a racing thread may already have recorded a later one. */
  private static long notBefore(long tick, long latest) {
    return latest != LongRing.NONE && tick - latest < 0 ? latest : tick;
  }

  /** The strikes left at {@code now}: one decays every {@code decay} nanoseconds. */
  int strikes(long now, long decay) {
    if (strikes > 0) {
      long decayed = (now - strikesSince) / decay;
      if (decayed >= strikes) {
        strikes = 0;
      } else if (decayed > 0) {
        strikes -= (int) decayed;
        strikesSince += decayed * decay;
      }
    }
    return strikes;
  }

  /** Adds a strike at {@code now}, up to {@code max}. */
  void addStrike(long now, long decay, int max) {
    if (strikes(now, decay) == 0) {
      strikesSince = now;
    }
    strikes = Math.min(max, strikes + 1);
  }
}
