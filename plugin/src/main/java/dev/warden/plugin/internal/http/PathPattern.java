package dev.warden.plugin.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled endpoint path such as {@code /articles/{article}/comments}: literal segments, {@code {var}} segments
 * (one segment, captured) and {@code *} (any one segment). Matching walks the path in place and allocates only
 * when it succeeds. Immutable and thread-safe.
 */
public final class PathPattern {
  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)}");

  private final String source;
  private final String[] literals; // null where the segment is a variable or '*'
  private final String[] variables; // the variable name, or null

  private PathPattern(String source, String[] literals, String[] variables) {
    this.source = source;
    this.literals = literals;
    this.variables = variables;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static PathPattern compile(String pattern) {
    if (pattern == null || !pattern.startsWith("/")) {
      throw new IllegalArgumentException("must start with /");
    }
    String[] segments = pattern.substring(1).split("/", -1);
    String[] literals = new String[segments.length];
    String[] variables = new String[segments.length];
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("has an empty segment");
      }
      var variable = VARIABLE.matcher(segment);
      if (variable.matches()) {
        if (seen.contains(variable.group(1))) {
          throw new IllegalArgumentException("repeats the variable {" + variable.group(1) + "}");
        }
        variables[i] = variable.group(1);
        seen.add(variables[i]);
      } else if (!segment.equals("*")) {
        if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0 || segment.indexOf('*') >= 0) {
          throw new IllegalArgumentException(
              "segment '" + segment + "' must be a literal, a whole {variable} or a whole *");
        }
        literals[i] = segment;
      }
    }
    return new PathPattern(pattern, literals, variables);
  }

  /** The variable names, in path order. */
  public Set<String> variables() {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (String v : variables) {
      if (v != null) {
        names.add(v);
      }
    }
    return names;
  }

  /** True if the path (without query, relative to the context) matches; allocates nothing. */
  public boolean matches(String path) {
    return walk(path, 0, null);
  }

  /** True if the part of {@code uri} from {@code start} on matches (e.g. after the context path). */
  public boolean matches(String uri, int start) {
    return walk(uri, start, null);
  }

  /** The variables of a matching path (percent-decoded), or null if it does not match. */
  public Map<String, String> match(String path) {
    return match(path, 0);
  }

  /** The variables of the part of {@code uri} from {@code start} on, or null if it does not match. */
  public Map<String, String> match(String uri, int start) {
    if (!walk(uri, start, null)) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    walk(uri, start, values);
    return values;
  }

  private boolean walk(String path, int start, Map<String, String> values) {
    if (path.length() <= start || path.charAt(start) != '/') {
      return false;
    }
    int pos = start + 1;
    for (int i = 0; i < literals.length; i++) {
      if (pos > path.length()) {
        return false;
      }
      int end = path.indexOf('/', pos);
      boolean last = i == literals.length - 1;
      if (end < 0) {
        end = path.length();
      } else if (last) {
        return false;
      }
      if (end == pos) {
        return false;
      }
      String literal = literals[i];
      if (literal != null
          && (end - pos != literal.length() || !path.regionMatches(pos, literal, 0, literal.length()))) {
        return false;
      }
      if (values != null && variables[i] != null) {
        values.put(variables[i], PercentDecoding.decode(path.substring(pos, end)));
      }
      pos = end + 1;
    }
    return pos > path.length();
  }

  @Override
  public String toString() {
    return source;
  }
}
