package dev.warden.plugin;

import java.util.List;
import java.util.Set;

/**
 * Which articles are conflict coverage ({@code articles.conflict} in warden.yaml). An article is a conflict
 * article if any rule matches or the article registry flags it.
 *
 * @param conflictIds article ids
 * @param conflictPaths globs over the request path ({@code *} = within one segment, {@code **} = across segments)
 * @param conflictSections registry sections
 * @param conflictTags registry tags
 * @param conflictKeywords words that make an article conflict coverage when they appear (case-insensitive, as whole
 *     words) in its id or its registered title, e.g. {@code ukraine}, {@code belarus}; stored lower-case
 */
public record ArticlesConfig(
    Set<String> conflictIds, List<String> conflictPaths, Set<String> conflictSections, Set<String> conflictTags,
    Set<String> conflictKeywords) {
  /** Longest keyword. */
  public static final int MAX_KEYWORD_CHARS = 100;

  public ArticlesConfig {
    conflictIds = Set.copyOf(conflictIds);
    conflictPaths = List.copyOf(conflictPaths);
    conflictSections = Set.copyOf(conflictSections);
    conflictTags = Set.copyOf(conflictTags);
    java.util.Set<String> keywords = new java.util.LinkedHashSet<>();
    int k = 0;
    for (String keyword : conflictKeywords) {
      String word = keyword == null ? "" : keyword.strip().toLowerCase(java.util.Locale.ROOT);
      if (word.isEmpty() || word.length() > MAX_KEYWORD_CHARS || !word.chars().allMatch(Character::isLetterOrDigit)) {
        throw new WardenConfigException("articles.conflict.keywords[" + k + "]", keyword,
            "must be one word of letters or digits, at most " + MAX_KEYWORD_CHARS + " characters");
      }
      keywords.add(word);
      k++;
    }
    conflictKeywords = Set.copyOf(keywords);
    for (int i = 0; i < conflictPaths.size(); i++) {
      if (!conflictPaths.get(i).startsWith("/")) {
        throw new WardenConfigException(
            "articles.conflict.paths[" + i + "]", conflictPaths.get(i), "must be a path glob starting with /");
      }
    }
  }

  /** Rules without keywords. */
  public ArticlesConfig(
      Set<String> conflictIds, List<String> conflictPaths, Set<String> conflictSections, Set<String> conflictTags) {
    this(conflictIds, conflictPaths, conflictSections, conflictTags, Set.of());
  }
}
