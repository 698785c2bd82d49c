package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.ArticleRegistry;
import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The article registry in Warden's database ({@code warden_article}); each call commits, with its audit event
 * ({@code register_article}) in the same transaction. Thread-safe.
 */
final class JdbcArticleRegistry implements ArticleRegistry {
  private final Database db;
  private final Clock clock;

  JdbcArticleRegistry(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void put(Article article) {
    put(article, Actor.named(AuditLog.UNKNOWN_ACTOR));
  }

  @Override
  public void put(Article article, Actor actor) {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(actor, "actor");
    Instant now = clock.instant();
    db.inTransaction("put article", c -> {
      ArticleTable.put(c, article, now);
      AuditLog.append(c, new AuditEvent(now, actor.name(), actor.address(), "register_article",
          AuditTarget.article(article.id()), null, null, describe(article)));
      return null;
    });
  }

  /** What was registered, for the audit detail: everything but the id, which is the target. */
  private static String describe(Article article) {
    return "title \"" + article.title() + "\", section \"" + article.section() + "\", tags " + article.tags()
        + ", conflict " + (article.conflict() == null ? "by rules" : article.conflict());
  }

  @Override
  public Optional<Article> find(String id) {
    Objects.requireNonNull(id, "id");
    return db.inTransaction("find article", c -> ArticleTable.find(c, id));
  }
}
