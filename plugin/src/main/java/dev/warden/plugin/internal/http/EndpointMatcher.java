package dev.warden.plugin.internal.http;

import dev.warden.plugin.EndpointConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the comment endpoint a request is for. Requests with a method no endpoint uses are turned away with one
 * set lookup; others are matched against the compiled patterns in place, allocating only on a match. Immutable and
 * thread-safe.
 */
public final class EndpointMatcher {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]*)}");
  private final List<Compiled> endpoints;
  private final Set<String> methods = new HashSet<>();

  public EndpointMatcher(List<EndpointConfig> endpoints) {
    this.endpoints = endpoints.stream().map(e -> new Compiled(e, e.pattern())).toList();
    endpoints.forEach(e -> methods.addAll(e.methods()));
  }

  /**
   * The first endpoint matching a request, in config order.
   *
   * @param method the HTTP method
   * @param path the path relative to the context, without the query string
   * @return the match, or null if the request is not a comment submission
   */
  public Match match(String method, String path) {
    return match(method, path, 0);
  }

  /**
   * Like {@link #match(String, String)} for the part of a request URI after the context path, without copying it.
   *
   * @param start where the path within the context begins in {@code uri}
   */
  public Match match(String method, String uri, int start) {
    if (!methods.contains(method)) {
      return null;
    }
    for (Compiled c : endpoints) {
      if (c.config.methods().contains(method) && c.pattern.matches(uri, start)) {
        return new Match(c.config, c.pattern.match(uri, start));
      }
    }
    return null;
  }

  /** True if some endpoint takes this method: the cheap test before any path is looked at. */
  public boolean handles(String method) {
    return methods.contains(method);
  }

  /** The methods of the endpoints whose path matches the part of {@code uri} from {@code start}; empty if none. */
  public Set<String> methodsFor(String uri, int start) {
    Set<String> found = new HashSet<>();
    for (Compiled c : endpoints) {
      if (c.pattern.matches(uri, start)) {
        found.addAll(c.config.methods());
      }
    }
    return found;
  }

  /**
   * A matched endpoint and the path variables of the request.
   *
   * @param endpoint the endpoint's config
   * @param variables path variable values, percent-decoded
   */
  public record Match(EndpointConfig endpoint, Map<String, String> variables) {

    /**
     * The endpoint's return-to with the path variables filled in (each percent-encoded as one segment), under a
     * context path; null if the endpoint has none.
     *
     * @param contextPath the web application's context path, {@code ""} for the root
     */
    public String returnTo(String contextPath) {
      String template = endpoint.returnTo();
      if (template == null) {
        return null;
      }
      Matcher m = VARIABLE.matcher(template);
      StringBuilder out = new StringBuilder(contextPath);
      while (m.find()) {
        String value = variables.getOrDefault(m.group(1), "");
        m.appendReplacement(out, Matcher.quoteReplacement(PathSegments.encode(value)));
      }
      m.appendTail(out);
      return out.toString();
    }
  }

  private record Compiled(EndpointConfig config, PathPattern pattern) {}
}
