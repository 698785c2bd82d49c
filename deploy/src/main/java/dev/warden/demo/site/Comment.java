package dev.warden.demo.site;

import java.time.Instant;
import java.util.Objects;

/**
 * A comment the site has published.
 *
 * @param id the site's own id, unique within the site
 * @param article the article slug
 * @param author the name the reader gave (may be empty)
 * @param text the comment text as written
 * @param postedAt when the site stored it
 */
public record Comment(String id, String article, String author, String text, Instant postedAt) {
  public Comment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(article, "article");
    author = author == null ? "" : author;
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(postedAt, "postedAt");
  }
}
