package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ThrottleConfig;
import dev.warden.plugin.throttle.CoordinatedGroup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Coordinated-campaign detection: the same normalised text from {@code coordinated.posters} distinct posters within
 * {@code coordinated.window}. Texts shorter than {@code coordinated.min-length} are never tracked. Text state lives
 * in a cache bounded by {@code cache.max-texts}; texts that became groups are also kept in a small cache for the
 * admin list. Thread-safe: each text's state is mutated under its own monitor.
 */
final class CoordinationTracker {
  /** Groups remembered for {@link #groups}. */
  static final int GROUPS_REMEMBERED = 1000;

  private final int threshold;
  private final long window;
  private final int minLength;
  private final Clock clock;
  private final Cache<Long, TextActivity> texts;
  private final Cache<Long, TextActivity> groups;
  private final Function<Long, TextActivity> newActivity;

  CoordinationTracker(ThrottleConfig config, Ticker ticker, Clock clock, LongAdder evictions) {
    ThrottleConfig.Coordinated coordinated = config.coordinated();
    this.threshold = coordinated.posters();
    this.window = coordinated.window().toNanos();
    this.minLength = coordinated.minLength();
    this.clock = clock;
    this.texts = BoundedCaches.build(config.cache().maxTexts(), coordinated.window(), ticker, evictions);
    this.groups = BoundedCaches.build(GROUPS_REMEMBERED, coordinated.window(), ticker, new LongAdder());
    this.newActivity = hash -> new TextActivity(hash, threshold);
  }

  /** Counts an admitted comment; returns its group id if its text is a coordinated group, else null. */
  String observe(String posterKey, TextFingerprint text, long now) {
    if (text.length() == 0 || text.length() < minLength) {
      return null;
    }
    Long key = text.hash();
    TextActivity activity = texts.get(key, newActivity);
    String group;
    synchronized (activity) {
      group = activity.observe(posterKey, now, clock.millis(), threshold, window);
    }
    if (group != null) {
      groups.put(key, activity);
    }
    return group;
  }

  /** Groups seen less than a window ago, latest first, at most {@code limit}. */
  List<CoordinatedGroup> groups(int limit, long now) {
    List<CoordinatedGroup> result = new ArrayList<>();
    for (TextActivity activity : groups.asMap().values()) {
      CoordinatedGroup group;
      synchronized (activity) {
        group = activity.toGroup(now, window);
      }
      if (group != null) {
        result.add(group);
      }
    }
    result.sort(Comparator.comparing(CoordinatedGroup::lastSeen).reversed());
    return List.copyOf(result.subList(0, Math.min(Math.max(0, limit), result.size())));
  }

  /** Texts tracked now (an estimate). */
  long trackedTexts() {
    return texts.estimatedSize();
  }

  /** Runs pending cache maintenance now. */
  void cleanUp() {
    texts.cleanUp();
    groups.cleanUp();
  }
}
