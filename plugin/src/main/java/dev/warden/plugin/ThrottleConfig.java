package dev.warden.plugin;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Throttling of repeat posters and floods ({@code throttle:} in warden.yaml). Every bound is validated here, so a
 * bad value fails start-up naming its key.
 *
 * @param enabled false turns every throttle check off (suspensions too)
 * @param posterKey how a poster is identified
 * @param defaultLimits allowances on ordinary articles ({@code throttle.limits.default})
 * @param conflictLimits allowances on conflict articles ({@code throttle.limits.conflict})
 * @param perAddress allowance of one client address across all ids it uses ({@code throttle.per-address})
 * @param duplicateWindow how long the same text from the same poster is refused ({@code throttle.duplicates.window})
 * @param coordinated when the same text from several posters is held as {@code coordinated}
 * @param surge when an article goes into temporary pre-moderation
 * @param escalation how held or rejected comments tighten a poster's allowance
 * @param suspensionRefresh how often suspensions are re-read from the store (other nodes' changes)
 * @param cache the bounds of the throttle's in-memory state
 * @param shared whether allowances are counted per node or kept global across nodes ({@code throttle.shared})
 */
public record ThrottleConfig(
    boolean enabled,
    PosterKeyConfig posterKey,
    Limits defaultLimits,
    Limits conflictLimits,
    Allowance perAddress,
    Duration duplicateWindow,
    Coordinated coordinated,
    SurgeConfig surge,
    Escalation escalation,
    Duration suspensionRefresh,
    Cache cache,
    Shared shared) {
  public ThrottleConfig {
    Objects.requireNonNull(posterKey, "posterKey");
    Objects.requireNonNull(defaultLimits, "defaultLimits");
    Objects.requireNonNull(conflictLimits, "conflictLimits");
    Objects.requireNonNull(perAddress, "perAddress");
    positive("throttle.duplicates.window", duplicateWindow);
    Objects.requireNonNull(coordinated, "coordinated");
    Objects.requireNonNull(surge, "surge");
    Objects.requireNonNull(escalation, "escalation");
    positive("throttle.suspensions.refresh", suspensionRefresh);
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(shared, "shared");
  }

  /** The limits for an article. */
  public Limits limits(boolean conflict) {
    return conflict ? conflictLimits : defaultLimits;
  }

  /** Both policies' limits, the part of this config that publishers may change while Warden runs. */
  public PolicyLimits policyLimits() {
    return new PolicyLimits(defaultLimits, conflictLimits);
  }

  /**
   * The allowances of ordinary and of conflict articles ({@code throttle.limits}), and optionally of the articles of
   * a section: what the throttle reads on every check, so that a publisher's change applies to the next comment.
   *
   * @param defaults {@code throttle.limits.default}
   * @param conflict {@code throttle.limits.conflict}
   * @param sections {@code throttle.limits.sections.<name>}: the allowances of a section's articles, which replace
   *     their kind's; a section not listed uses {@code defaults} or {@code conflict}. At most
   *     {@link PolicySettings#MAX_SECTIONS}; sorted by name
   */
  public record PolicyLimits(Limits defaults, Limits conflict, Map<String, Limits> sections) {
    public PolicyLimits {
      Objects.requireNonNull(defaults, "defaults").validate("throttle.limits.default");
      Objects.requireNonNull(conflict, "conflict").validate("throttle.limits.conflict");
      Objects.requireNonNull(sections, "sections");
      if (sections.size() > PolicySettings.MAX_SECTIONS) {
        throw new WardenConfigException("throttle.limits.sections", null, "must not have more than "
            + PolicySettings.MAX_SECTIONS + " sections");
      }
      TreeMap<String, Limits> sorted = new TreeMap<>();
      sections.forEach((name, limits) -> {
        String key = "throttle.limits.sections." + name;
        PolicySettings.requireSectionName(key, name);
        sorted.put(name, Objects.requireNonNull(limits, key).validate(key));
      });
      sections = Collections.unmodifiableMap(sorted);
    }

    /** Both kinds' limits, no section's. */
    public PolicyLimits(Limits defaults, Limits conflict) {
      this(defaults, conflict, Map.of());
    }

    /** The limits for an article by its kind. */
    public Limits of(boolean conflictArticle) {
      return conflictArticle ? conflict : defaults;
    }

    /** The limits for an article: its section's if that has its own, else its kind's. */
    public Limits of(boolean conflictArticle, String section) {
      Limits own = section == null ? null : sections.get(section);
      return own != null ? own : of(conflictArticle);
    }
  }

  /** Where a poster key comes from, in order. */
  public enum KeySource {
    /** The container's authenticated user ({@code request.getRemoteUser()}). */
    USER,
    /** A request header set by the site or its authenticating proxy. */
    HEADER,
    /** A cookie carrying the site's user id. */
    COOKIE,
    /** The client address (always last: every request has one). */
    IP
  }

  /**
   * How a poster is identified ({@code throttle.poster-key}).
   *
   * @param order sources tried in order; {@code ip} must be last
   * @param header the header carrying the site's user id (needed if {@code header} is in the order)
   * @param cookie the cookie carrying the site's user id (needed if {@code cookie} is in the order)
   * @param ipv6Prefix IPv6 clients are grouped by this prefix length (default 64)
   * @param ipv4Prefix IPv4 clients are grouped by this prefix length (default 32: one address)
   */
  public record PosterKeyConfig(List<KeySource> order, String header, String cookie, int ipv6Prefix,
      int ipv4Prefix) {
    public PosterKeyConfig {
      order = List.copyOf(order);
      if (order.isEmpty() || order.get(order.size() - 1) != KeySource.IP || order.indexOf(KeySource.IP)
          != order.size() - 1) {
        throw new WardenConfigException("throttle.poster-key.order", order.toString(), "must end with ip, once");
      }
      if (order.size() != order.stream().distinct().count()) {
        throw new WardenConfigException("throttle.poster-key.order", order.toString(), "must not repeat a source");
      }
      if (order.contains(KeySource.HEADER) && (header == null || header.isBlank())) {
        throw new WardenConfigException("throttle.poster-key.header", null, "is required when the order has header");
      }
      if (order.contains(KeySource.COOKIE) && (cookie == null || cookie.isBlank())) {
        throw new WardenConfigException("throttle.poster-key.cookie", null, "is required when the order has cookie");
      }
      if (ipv6Prefix < 16 || ipv6Prefix > 128) {
        throw new WardenConfigException("throttle.poster-key.ipv6-prefix", String.valueOf(ipv6Prefix),
            "must be between 16 and 128");
      }
      if (ipv4Prefix < 8 || ipv4Prefix > 32) {
        throw new WardenConfigException("throttle.poster-key.ipv4-prefix", String.valueOf(ipv4Prefix),
            "must be between 8 and 32");
      }
    }
  }

  /**
   * At most {@code max} comments per {@code window}.
   *
   * @param max comments allowed in any window (1 to 1000)
   * @param window the sliding window
   */
  public record Allowance(int max, Duration window) {
    /** The largest {@code max}: each tracked poster keeps one timestamp per allowed comment. */
    public static final int MAX_CEILING = 1000;

    /** Validates, naming {@code key} in errors. */
    public Allowance validate(String key) {
      if (max < 1 || max > MAX_CEILING) {
        throw new WardenConfigException(key + ".max", String.valueOf(max), "must be between 1 and " + MAX_CEILING);
      }
      positive(key + ".window", window);
      return this;
    }
  }

  /**
   * A poster's allowances under one policy ({@code throttle.limits.default|conflict}).
   *
   * @param minInterval least time between two comments of one poster (flood control); zero turns it off
   * @param window at most this many comments per sliding window
   * @param perArticle at most this many comments on one article per window
   */
  public record Limits(Duration minInterval, Allowance window, Allowance perArticle) {
    /** Validates, naming {@code key} in errors. */
    public Limits validate(String key) {
      if (minInterval == null || minInterval.isNegative()) {
        throw new WardenConfigException(key + ".min-interval", String.valueOf(minInterval),
            "must be zero or a positive duration");
      }
      window.validate(key);
      perArticle.validate(key + ".per-article");
      return this;
    }
  }

  /**
   * Coordinated-campaign detection ({@code throttle.coordinated}).
   *
   * @param posters distinct posters of the same text that make a group (2 or more); from the group's
   *     {@code posters}-th poster on, comments with that text are held with reason {@code coordinated}
   * @param window how long a text is remembered for this
   * @param minLength texts shorter than this (normalised characters) are never grouped ("+1", "agreed")
   */
  public record Coordinated(int posters, Duration window, int minLength) {
    public Coordinated {
      if (posters < 2 || posters > 1000) {
        throw new WardenConfigException("throttle.coordinated.posters", String.valueOf(posters),
            "must be between 2 and 1000");
      }
      positive("throttle.coordinated.window", window);
      if (minLength < 0) {
        throw new WardenConfigException("throttle.coordinated.min-length", String.valueOf(minLength),
            "must not be negative");
      }
    }
  }

  /**
   * Surge detection ({@code throttle.surge}): an article whose comment rate over {@code window} is at least
   * {@code factor} times its rate over the preceding {@code baseline}, with at least {@code floor} comments in the
   * window, goes into pre-moderation (every comment held, reason {@code surge}) for at least
   * {@code minDuration}, and until its rate falls back under the trigger.
   */
  public record SurgeConfig(boolean enabled, double factor, int floor, Duration window, Duration baseline,
      Duration minDuration) {
    public SurgeConfig {
      if (!(factor >= 1.5) || factor > 1000) {
        throw new WardenConfigException("throttle.surge.factor", String.valueOf(factor),
            "must be between 1.5 and 1000");
      }
      if (floor < 1) {
        throw new WardenConfigException("throttle.surge.floor", String.valueOf(floor), "must be at least 1");
      }
      positive("throttle.surge.window", window);
      positive("throttle.surge.baseline", baseline);
      if (baseline.compareTo(window) <= 0) {
        throw new WardenConfigException("throttle.surge.baseline", baseline.toString(),
            "must be longer than throttle.surge.window");
      }
      positive("throttle.surge.min-duration", minDuration);
    }
  }

  /**
   * Escalation for repeat offenders ({@code throttle.escalation}): each held or rejected comment adds a strike;
   * the poster's minimum interval is multiplied by {@code factor} per strike (up to {@code maxMultiplier}) and
   * its window allowance divided likewise (at least 1); one strike decays every {@code decay}.
   */
  public record Escalation(double factor, double maxMultiplier, Duration decay) {
    public Escalation {
      if (!(factor >= 1) || factor > 100) {
        throw new WardenConfigException("throttle.escalation.factor", String.valueOf(factor),
            "must be between 1 and 100");
      }
      if (!(maxMultiplier >= 1) || maxMultiplier > 10_000) {
        throw new WardenConfigException("throttle.escalation.max-multiplier", String.valueOf(maxMultiplier),
            "must be between 1 and 10000");
      }
      positive("throttle.escalation.decay", decay);
    }
  }

  /**
   * Bounds of the in-memory state ({@code throttle.cache}); idle entries expire after the longest window they
   * serve. Under a flood of new keys the least valuable entries are evicted (Caffeine's W-TinyLFU), so memory stays
   * bounded.
   *
   * @param maxPosters posters (and client addresses) tracked at once
   * @param maxTexts text hashes remembered for duplicate and coordinated detection
   * @param maxArticles articles tracked for surges and per-article caps
   */
  public record Cache(long maxPosters, long maxTexts, long maxArticles) {
    public Cache {
      bound("throttle.cache.max-posters", maxPosters);
      bound("throttle.cache.max-texts", maxTexts);
      bound("throttle.cache.max-articles", maxArticles);
    }

    private static void bound(String key, long value) {
      if (value < 100 || value > 100_000_000) {
        throw new WardenConfigException(key, String.valueOf(value), "must be between 100 and 100000000");
      }
    }
  }

  /** How the allowances are counted ({@code throttle.shared.mode}). */
  public enum SharedMode {
    /** Each node counts what it sees (the default). */
    LOCAL,
    /** The per-poster and per-address allowances are counted in Redis, so they hold across nodes. */
    REDIS
  }

  /**
   * Shared counting across web nodes ({@code throttle.shared}).
   *
   * @param mode {@code local} or {@code redis}
   * @param redisUrl {@code redis://[user:password@]host[:port][/database]} or {@code rediss://...} (TLS); required
   *     for {@code redis}. It may hold a password, so it is never logged and {@link #toString()} hides it
   * @param keyPrefix prepended to every Redis key, so that several sites can share one Redis
   * @param timeout the longest a comment waits for Redis before it is counted locally (1 ms to 10 s)
   * @param retry how long a node that lost Redis counts locally before it tries Redis again (1 s to 1 h)
   */
  public record Shared(SharedMode mode, String redisUrl, String keyPrefix, Duration timeout, Duration retry) {
    public Shared {
      Objects.requireNonNull(mode, "mode");
      if (mode == SharedMode.REDIS) {
        requireRedisUrl(redisUrl);
      }
      if (keyPrefix == null || keyPrefix.isEmpty() || keyPrefix.length() > 64
          || keyPrefix.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
        throw new WardenConfigException("throttle.shared.key-prefix", keyPrefix,
            "must be 1 to 64 characters without spaces or control characters");
      }
      between("throttle.shared.timeout", timeout, Duration.ofMillis(1), Duration.ofSeconds(10));
      between("throttle.shared.retry", retry, Duration.ofSeconds(1), Duration.ofHours(1));
    }

    /** Counting per node, with the default prefix, timeout and retry. */
    public static Shared local() {
      return new Shared(SharedMode.LOCAL, null, "warden:", Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    /** The URL with any password replaced by {@code ***}: safe for logs and error messages. */
    public String redactedUrl() {
      return redact(redisUrl);
    }

    @Override
    public String toString() {
      return "Shared[mode=" + mode + ", redisUrl=" + redactedUrl() + ", keyPrefix=" + keyPrefix + ", timeout="
          + timeout + ", retry=" + retry + "]";
    }

    private static void requireRedisUrl(String url) {
      String key = "throttle.shared.redis-url";
      if (url == null || url.isBlank()) {
        throw new WardenConfigException(key, null, "is required when throttle.shared.mode is redis");
      }
      java.net.URI uri;
      try {
        uri = new java.net.URI(url.trim());
      } catch (java.net.URISyntaxException e) {
        throw new WardenConfigException(key, redact(url), "is not a URL: give redis://host:port");
      }
      if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
        throw new WardenConfigException(key, redact(url), "must start with redis:// or rediss://");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        throw new WardenConfigException(key, redact(url), "must name a host, e.g. redis://127.0.0.1:6379");
      }
      String path = uri.getPath() == null ? "" : uri.getPath();
      if (!path.isEmpty() && !path.matches("/\\d{0,2}")) {
        throw new WardenConfigException(key, redact(url), "may only give a database number as its path");
      }
    }

    /** Hides the user-info part (user:password@) of a URL; a text that is no URL is hidden whole. */
    private static String redact(String url) {
      if (url == null) {
        return null;
      }
      int scheme = url.indexOf("://");
      int at = url.lastIndexOf('@');
      if (at < 0) {
        return url.contains("://") ? url : "***";
      }
      return (scheme < 0 ? "" : url.substring(0, scheme + 3)) + "***" + url.substring(at);
    }
  }

  private static void between(String key, Duration d, Duration min, Duration max) {
    if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new WardenConfigException(key, String.valueOf(d), "must be between " + min + " and " + max);
    }
  }

  private static void positive(String key, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new WardenConfigException(key, String.valueOf(d), "must be a positive duration");
    }
  }
}
