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
 */
public record ArticlesConfig(
    Set<String> conflictIds, List<String> conflictPaths, Set<String> conflictSections, Set<String> conflictTags) {
  public ArticlesConfig {
    conflictIds = Set.copyOf(conflictIds);
    conflictPaths = List.copyOf(conflictPaths);
    conflictSections = Set.copyOf(conflictSections);
    conflictTags = Set.copyOf(conflictTags);
    for (int i = 0; i < conflictPaths.size(); i++) {
      if (!conflictPaths.get(i).startsWith("/")) {
        throw new WardenConfigException(
            "articles.conflict.paths[" + i + "]", conflictPaths.get(i), "must be a path glob starting with /");
      }
    }
  }
}
