package dev.warden.plugin.internal.policy;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ArticlesConfig;
import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.PolicySettings;
import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.ArticleRegistry;
import dev.warden.plugin.store.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the policy for a comment's article from the live settings, read once per comment: a section policy if the
 * registered article's section has one; otherwise the conflict policy if the article is conflict coverage (its id is
 * listed, the request path matches a glob, a conflict keyword is a word of its id or registered title, or the
 * registered article's conflict flag, section or tags say so);
 * otherwise the default policy. Registry lookups are cached for a few seconds so that a busy comment thread costs
 * one query per article, not one per comment. Thread-safe.
 */
public final class ArticlePolicies {
  /** How long a registry answer is reused. */
  public static final Duration REGISTRY_TTL = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ArticlePolicies.class);

  private final Supplier<PolicySettings> settings;
  private final LoadingCache<String, Optional<Article>> registry;
  /** The path globs of the conflict rules last seen, compiled; recompiled when a publisher changes them. */
  private volatile CompiledPaths paths = new CompiledPaths(null, List.of());

  /**
   * The policy for one comment.
   *
   * @param name {@code default}, {@code conflict} or {@code section:<name>}
   * @param policy its thresholds
   * @param conflict true if the article is conflict coverage (the throttle's stricter limits apply)
   * @param section the registered article's section, or null if unknown
   */
  public record Choice(String name, PolicyConfig policy, boolean conflict, String section) {
    public Choice {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(policy, "policy");
    }
  }

  private record CompiledPaths(List<String> globs, List<Pattern> patterns) {}

  /**
   * @param settings the live settings, read once per comment
   * @param registry the article registry (sections, tags, conflict flags)
   * @param ticker the time source of the registry cache
   */
  public ArticlePolicies(Supplier<PolicySettings> settings, ArticleRegistry registry, Ticker ticker) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.registry = Caffeine.newBuilder()
        .maximumSize(10_000)
        .expireAfterWrite(REGISTRY_TTL)
        .ticker(ticker)
        .build(registry::find);
  }

  /** The policy for a comment on this article, posted to this request path, under the settings in force now. */
  public Choice choose(String articleId, String requestPath) {
    PolicySettings current = settings.get();
    ArticlesConfig rules = current.articles();
    boolean listed = rules.conflictIds().contains(articleId) || matchesPath(rules, requestPath)
        || ConflictKeywords.anyIn(rules.conflictKeywords(), articleId);
    Optional<Article> article;
    try {
      article = registry.get(articleId);
    } catch (RuntimeException e) {
      // Fail safe: an unknown article gets the stricter policy rather than none.
      if (e instanceof StoreUnavailableException) {
        LOG.debug("Store marked unavailable; applying the conflict policy to article {}", articleId);
      } else {
        LOG.warn("Article registry lookup failed for article {}; applying the conflict policy: {}", articleId,
            e.toString());
      }
      return new Choice(PolicySettings.CONFLICT, current.conflictPolicy(), true, null);
    }
    boolean conflict = listed || article.map(a -> registryConflict(rules, a)).orElse(false);
    String section = article.map(Article::section).filter(s -> !s.isBlank()).orElse(null);
    PolicyConfig sectionPolicy = section == null ? null : current.sectionPolicies().get(section);
    if (sectionPolicy != null) {
      return new Choice(PolicySettings.SECTION_PREFIX + section, sectionPolicy, conflict, section);
    }
    return conflict
        ? new Choice(PolicySettings.CONFLICT, current.conflictPolicy(), true, section)
        : new Choice(PolicySettings.DEFAULT, current.defaultPolicy(), false, section);
  }

  /** True if the conflict policy's rules (not a section policy) make this article conflict coverage. */
  public boolean isConflict(String articleId, String requestPath) {
    return choose(articleId, requestPath).conflict();
  }

  private boolean matchesPath(ArticlesConfig rules, String requestPath) {
    CompiledPaths compiled = paths;
    if (compiled.globs() != rules.conflictPaths()) {
      // Benign race: two threads may compile the same globs once each.
      compiled = new CompiledPaths(rules.conflictPaths(),
          rules.conflictPaths().stream().map(ArticlePolicies::glob).toList());
      paths = compiled;
    }
    for (Pattern path : compiled.patterns()) {
      if (path.matcher(requestPath).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean registryConflict(ArticlesConfig rules, Article article) {
    if (article.conflict() != null) {
      return article.conflict();
    }
    return ConflictKeywords.anyIn(rules.conflictKeywords(), article.title())
        || rules.conflictSections().contains(article.section())
        || article.tags().stream().anyMatch(rules.conflictTags()::contains);
  }

  /** Compiles a path glob: {@code **} across segments, {@code *} within one, {@code ?} one character. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
