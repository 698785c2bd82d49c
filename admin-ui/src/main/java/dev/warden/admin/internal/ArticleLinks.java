package dev.warden.admin.internal;

import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.ArticleRegistry;
import dev.warden.plugin.store.HeldComment;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Comment views with their article: the title from the article registry (null when the article is not registered
 * or has no title) and the article page's path (null when the submission matches no endpoint with a return-to).
 * Stateless apart from its dependencies; thread-safe. A {@link PerRequest} caches titles for one page of comments.
 */
final class ArticleLinks {
  private final ArticleRegistry registry;
  private final BiFunction<HeldComment, String, Optional<String>> articlePaths;

  ArticleLinks(ArticleRegistry registry, BiFunction<HeldComment, String, Optional<String>> articlePaths) {
    this.registry = registry;
    this.articlePaths = articlePaths;
  }

  /** A viewer for one request under {@code contextPath}; not thread-safe. */
  PerRequest forRequest(String contextPath) {
    return new PerRequest(contextPath);
  }

  /** Views comments for one request, looking each article up once. */
  final class PerRequest {
    private final String contextPath;
    private final Map<String, Optional<String>> titles = new HashMap<>();

    private PerRequest(String contextPath) {
      this.contextPath = contextPath;
    }

    Map<String, Object> view(HeldComment c) {
      String title = titles.computeIfAbsent(c.articleId(),
          id -> registry.find(id).map(Article::title).filter(t -> !t.isBlank())).orElse(null);
      return CommentView.of(c, title, articlePaths.apply(c, contextPath).orElse(null));
    }
  }
}
