package dev.warden.plugin.internal.throttle;

import dev.warden.plugin.throttle.CoordinatedGroup;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Who posted one (normalised) text lately: the distinct posters seen less than a window ago, each with the time it
 * was last seen, and how many comments carried the text. It keeps at most {@code posters + 20} poster keys and only
 * counts further posters. Once enough distinct posters sent it, it is a coordinated group until the text has been
 * quiet for a whole window.
 *
 * <p>Not thread-safe on its own: callers hold its monitor.
 */
final class TextActivity {
  /** Poster keys shown in a {@link CoordinatedGroup}. */
  static final int KEYS_SHOWN = 20;
  private static final String[] NO_KEYS = {};
  private static final long[] NO_TICKS = {};

  private final long hash;
  private final int keyLimit;
  private String[] keys = NO_KEYS;
  private long[] keyTicks = NO_TICKS;
  private int keyCount;
  /** Posters beyond {@code keyLimit}, counted without telling them apart. */
  private int uncounted;
  private int comments;
  private long lastSeenTick;
  private long firstSeenMillis;
  private long lastSeenMillis;
  private String group;

  TextActivity(long hash, int groupThreshold) {
    this.hash = hash;
    this.keyLimit = groupThreshold + KEYS_SHOWN;
  }

  /**
   * Counts a comment with this text by {@code posterKey}; returns the group id if the text is (now) a coordinated
   * group of at least {@code threshold} distinct posters within {@code window}, else null.
   */
  String observe(String posterKey, long now, long nowMillis, int threshold, long window) {
    if (comments > 0 && now - lastSeenTick >= window) {
      forget();
    }
    forgetPostersBefore(now, window);
    see(posterKey, now);
    if (comments++ == 0) {
      firstSeenMillis = nowMillis;
    }
    lastSeenTick = now;
    lastSeenMillis = nowMillis;
    if (group == null && keyCount + uncounted >= threshold) {
      group = HexFormat.of().toHexDigits(hash);
    }
    return group;
  }

  /** The group as the admin API shows it, or null if the text is not a group (any more) at {@code now}. */
  CoordinatedGroup toGroup(long now, long window) {
    if (group == null || now - lastSeenTick >= window) {
      return null;
    }
    List<String> shown = Arrays.asList(keys).subList(0, Math.min(keyCount, KEYS_SHOWN));
    return new CoordinatedGroup(group, keyCount + uncounted, comments, shown,
        Instant.ofEpochMilli(firstSeenMillis), Instant.ofEpochMilli(lastSeenMillis));
  }

  private void see(String posterKey, long now) {
    for (int i = 0; i < keyCount; i++) {
      if (keys[i].equals(posterKey)) {
        keyTicks[i] = now;
        return;
      }
    }
    if (keyCount == keyLimit) {
      uncounted++;
      return;
    }
    if (keyCount == keys.length) {
      int grown = Math.min(keyLimit, Math.max(1, keyCount * 2));
      keys = Arrays.copyOf(keys, grown);
      keyTicks = Arrays.copyOf(keyTicks, grown);
    }
    keys[keyCount] = posterKey;
    keyTicks[keyCount++] = now;
  }

  /** Drops posters last seen a window ago or more, keeping the others in order. */
  private void forgetPostersBefore(long now, long window) {
    int kept = 0;
    for (int i = 0; i < keyCount; i++) {
      if (now - keyTicks[i] < window) {
        keys[kept] = keys[i];
        keyTicks[kept++] = keyTicks[i];
      }
    }
    Arrays.fill(keys, kept, keyCount, null);
    keyCount = kept;
  }

  private void forget() {
    Arrays.fill(keys, 0, keyCount, null);
    keyCount = 0;
    uncounted = 0;
    comments = 0;
    group = null;
  }
}
