package dev.warden.plugin.store;

import java.util.Optional;

/** Articles the CMS registered with Warden (title, section, tags, conflict flag). Thread-safe; commits. */
public interface ArticleRegistry {

  /** Inserts or replaces an article. */
  void put(Article article);

  /** The registered article with this id, if any. */
  Optional<Article> find(String id);
}
