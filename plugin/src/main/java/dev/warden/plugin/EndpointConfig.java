package dev.warden.plugin;

import dev.warden.plugin.internal.http.PathPattern;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One comment endpoint ({@code endpoints[]} in warden.yaml). Requests matching no endpoint pass the filter
 * untouched.
 *
 * @param name a name for logs and error messages, unique among endpoints
 * @param path the path pattern relative to the context: literal segments, {@code {var}} segments and {@code *}
 * @param methods HTTP methods (upper case), e.g. {@code POST}
 * @param format {@code form}, {@code json} or {@code auto} (by Content-Type)
 * @param textField the body field holding the comment text
 * @param authorField the body field holding the author name
 * @param article where the article id comes from: {@code {var}} (a path variable) or {@code field:<name>}
 * @param returnTo where form posts are redirected after a hold or reject (may use path variables; may be null)
 */
public record EndpointConfig(
    String name,
    String path,
    Set<String> methods,
    String format,
    String textField,
    String authorField,
    String article,
    String returnTo) {
  private static final List<String> FORMATS = List.of("form", "json", "auto");
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]*)}");
  private static final Pattern METHOD = Pattern.compile("[A-Z]+");

  public EndpointConfig {
    if (name == null || name.isBlank()) {
      throw new WardenConfigException("endpoints[].name", name, "must not be blank");
    }
    PathPattern pattern = compile(key(name, "path"), path);
    if (methods == null || methods.isEmpty()) {
      throw new WardenConfigException(key(name, "methods"), null, "must list at least one method");
    }
    methods = Set.copyOf(methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList());
    for (String method : methods) {
      if (!METHOD.matcher(method).matches()) {
        throw new WardenConfigException(key(name, "methods"), method, "is not an HTTP method");
      }
    }
    if (!FORMATS.contains(format)) {
      throw new WardenConfigException(key(name, "format"), format, "must be one of " + FORMATS);
    }
    requireField(key(name, "text-field"), textField);
    requireField(key(name, "author-field"), authorField);
    checkArticle(key(name, "article"), article, pattern.variables());
    if (returnTo != null) {
      checkReturnTo(key(name, "return-to"), returnTo, pattern.variables());
    }
  }

  /** The compiled path pattern. */
  public PathPattern pattern() {
    return PathPattern.compile(path);
  }

  /** True if the article id is read from a body field rather than a path variable. */
  public boolean articleFromField() {
    return article.startsWith("field:");
  }

  /** The path variable or body field that holds the article id. */
  public String articleSource() {
    return articleFromField() ? article.substring("field:".length()) : article.substring(1, article.length() - 1);
  }

  private static String key(String name, String field) {
    return "endpoints[" + name + "]." + field;
  }

  private static PathPattern compile(String key, String path) {
    try {
      return PathPattern.compile(path);
    } catch (IllegalArgumentException e) {
      throw new WardenConfigException(key, path, e.getMessage());
    }
  }

  private static void requireField(String key, String field) {
    if (field == null || field.isBlank()) {
      throw new WardenConfigException(key, field, "must not be blank");
    }
  }

  private static void checkArticle(String key, String article, Set<String> variables) {
    if (article == null || article.isBlank()) {
      throw new WardenConfigException(key, article, "must be {variable} or field:<name>");
    }
    if (article.startsWith("field:")) {
      if (article.length() == "field:".length()) {
        throw new WardenConfigException(key, article, "must name a body field after field:");
      }
      return;
    }
    Matcher m = VARIABLE.matcher(article);
    if (!m.matches() || !variables.contains(m.group(1))) {
      throw new WardenConfigException(key, article, "must be one of the path variables " + variables
          + " in braces, or field:<name>");
    }
  }

  private static void checkReturnTo(String key, String returnTo, Set<String> variables) {
    if (!returnTo.startsWith("/")) {
      throw new WardenConfigException(key, returnTo, "must be a path starting with /");
    }
    Matcher m = VARIABLE.matcher(returnTo);
    while (m.find()) {
      if (!variables.contains(m.group(1))) {
        throw new WardenConfigException(key, returnTo, "uses {" + m.group(1) + "}, which is not a path variable");
      }
    }
  }
}
