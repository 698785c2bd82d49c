package dev.warden.classifier.internal.narrative;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One known disinformation narrative.
 *
 * @param id stable id, lower case letters, digits, {@code _} and {@code -}, e.g. {@code bucha_staged}
 * @param title short neutral title
 * @param description neutral statement of the false claim and that it is false
 * @param phrasings ways a commenter might put the claim; what comments are matched against
 * @param keywords words and short phrases typical of the narrative; matched too, and shown as explanation
 * @param debunk a link to a debunk, or null
 * @param since when the narrative appeared, or null
 */
public record Narrative(
    String id,
    String title,
    String description,
    List<String> phrasings,
    List<String> keywords,
    String debunk,
    LocalDate since) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,79}");

  public Narrative {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("narrative id '" + id + "' must be 1-80 of a-z, 0-9, _ and -");
    }
    title = requireText(title, id, "title");
    description = description == null || description.isBlank() ? title : description.strip();
    phrasings = clean(phrasings);
    keywords = clean(keywords);
    if (phrasings.isEmpty() && keywords.isEmpty()) {
      throw new IllegalArgumentException("narrative " + id + " needs at least one phrasing or keyword");
    }
    debunk = debunk == null || debunk.isBlank() ? null : checkUrl(debunk.strip(), id);
  }

  /** This narrative with the phrasings and keywords of {@code other} added (duplicates dropped). */
  public Narrative mergedWith(Narrative other) {
    return new Narrative(
        id,
        title,
        description,
        union(phrasings, other.phrasings),
        union(keywords, other.keywords),
        debunk != null ? debunk : other.debunk,
        since != null ? since : other.since);
  }

  private static List<String> union(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
  }

  private static String requireText(String value, String id, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("narrative " + id + " has no " + field);
    }
    return value.strip();
  }

  private static List<String> clean(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
  }

  private static String checkUrl(String url, String id) {
    try {
      URI uri = new URI(url);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException("narrative " + id + " has a debunk that is not an http(s) URL: " + url);
  }
}
