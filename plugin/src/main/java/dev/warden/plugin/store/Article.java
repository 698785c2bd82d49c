package dev.warden.plugin.store;

import java.util.List;
import java.util.Objects;

/**
 * An article as the CMS describes it to Warden's registry.
 *
 * @param id the article id used in comment submissions (e.g. the slug)
 * @param title the headline
 * @param section the site section, e.g. {@code world}
 * @param tags free tags, e.g. {@code ukraine}, {@code belarus}
 * @param conflict whether the CMS marks it as conflict coverage (null = let Warden's rules decide)
 */
public record Article(String id, String title, String section, List<String> tags, Boolean conflict) {
  public Article {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("article id must not be blank");
    }
    title = title == null ? "" : title;
    section = section == null ? "" : section;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
