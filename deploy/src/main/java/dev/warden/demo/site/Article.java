package dev.warden.demo.site;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One article of the demo site.
 *
 * @param slug the URL id, e.g. {@code city-marathon}
 * @param section the site section, e.g. {@code world} or {@code local}
 * @param title the headline
 * @param standfirst the one-sentence summary under the headline
 * @param published the publication date shown on the page
 * @param paragraphs the body text, one entry per paragraph
 */
public record Article(
    String slug, String section, String title, String standfirst, LocalDate published, List<String> paragraphs) {
  public Article {
    if (slug == null || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("slug must be lower-case words joined by '-': " + slug);
    }
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(standfirst, "standfirst");
    Objects.requireNonNull(published, "published");
    paragraphs = List.copyOf(paragraphs);
    if (paragraphs.isEmpty()) {
      throw new IllegalArgumentException("article " + slug + " has no text");
    }
  }
}
