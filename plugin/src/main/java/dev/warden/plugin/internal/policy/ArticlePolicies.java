package dev.warden.plugin.internal.policy;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ArticlesConfig;
import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.ArticleRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an article is conflict coverage: its id is listed, the request path matches a glob, or the
 * registered article's conflict flag, section or tags say so. Registry lookups are cached for a few seconds so
 * that a busy comment thread costs one query per article, not one per comment. Thread-safe.
 */
public final class ArticlePolicies {
  /** How long a registry answer is reused. */
  public static final Duration REGISTRY_TTL = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ArticlePolicies.class);

  private final ArticlesConfig config;
  private final List<Pattern> paths;
  private final LoadingCache<String, Optional<Article>> registry;

  public ArticlePolicies(ArticlesConfig config, ArticleRegistry registry, Ticker ticker) {
    this.config = config;
    this.paths = config.conflictPaths().stream().map(ArticlePolicies::glob).toList();
    this.registry = Caffeine.newBuilder()
        .maximumSize(10_000)
        .expireAfterWrite(REGISTRY_TTL)
        .ticker(ticker)
        .build(registry::find);
  }

  /** True if the conflict policy applies to a comment on this article, posted to this request path. */
  public boolean isConflict(String articleId, String requestPath) {
    if (config.conflictIds().contains(articleId) || matchesPath(requestPath)) {
      return true;
    }
    Optional<Article> article;
    try {
      article = registry.get(articleId);
    } catch (RuntimeException e) {
      // Fail safe: an unknown article gets the stricter policy rather than none.
      LOG.warn("Article registry lookup failed for article {}; applying the conflict policy: {}", articleId,
          e.toString());
      return true;
    }
    return article.map(this::registryConflict).orElse(false);
  }

  private boolean matchesPath(String requestPath) {
    for (Pattern path : paths) {
      if (path.matcher(requestPath).matches()) {
        return true;
      }
    }
    return false;
  }

  private boolean registryConflict(Article article) {
    if (article.conflict() != null) {
      return article.conflict();
    }
    return config.conflictSections().contains(article.section())
        || article.tags().stream().anyMatch(config.conflictTags()::contains);
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
