package dev.warden.plugin.store;

import java.util.Optional;

/** Articles the CMS registered with Warden (title, section, tags, conflict flag). Thread-safe; commits. */
public interface ArticleRegistry {

  /** Inserts or replaces an article. */
  void put(Article article);

  /**
   * Inserts or replaces an article like {@link #put(Article)}, recording who did it, from where, in the audit
   * trail. The default ignores the actor; audited implementations override it.
   */
  default void put(Article article, Actor actor) {
    put(article);
  }

  /** The registered article with this id, if any. */
  Optional<Article> find(String id);
}
