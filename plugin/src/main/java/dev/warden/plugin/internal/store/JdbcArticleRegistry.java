package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.ArticleRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The article registry in Warden's database ({@code warden_article}); each call commits. Thread-safe. */
final class JdbcArticleRegistry implements ArticleRegistry {
  private final Database db;
  private final Clock clock;

  JdbcArticleRegistry(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void put(Article article) {
    Objects.requireNonNull(article, "article");
    db.inTransaction("put article", c -> {
      ArticleTable.put(c, article, clock.instant());
      return null;
    });
  }

  @Override
  public Optional<Article> find(String id) {
    Objects.requireNonNull(id, "id");
    return db.inTransaction("find article", c -> ArticleTable.find(c, id));
  }
}
