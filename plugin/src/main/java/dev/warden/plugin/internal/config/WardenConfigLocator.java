package dev.warden.plugin.internal.config;

import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds warden.yaml for a web application: the filter init-param {@code warden.config}, then the context
 * init-param {@code warden.config}, then the system property {@code warden.config}, then the environment variable
 * {@code WARDEN_CONFIG}. The first one set wins. Stateless.
 */
public final class WardenConfigLocator {
  /** Name of the init-params and the system property. */
  public static final String PARAMETER = "warden.config";
  /** Name of the environment variable. */
  public static final String ENVIRONMENT = "WARDEN_CONFIG";

  private final UnaryOperator<String> systemProperties;
  private final UnaryOperator<String> environment;

  public WardenConfigLocator() {
    this(System::getProperty, System::getenv);
  }

  WardenConfigLocator(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  /**
   * The config file to use, if any is named.
   *
   * @param filterParameter the filter's {@code warden.config} init-param (null when not called from a filter)
   * @param context the web application (null outside a container)
   */
  public Optional<Path> locate(String filterParameter, ServletContext context) {
    String location = firstSet(
        filterParameter,
        context == null ? null : context.getInitParameter(PARAMETER),
        systemProperties.apply(PARAMETER),
        environment.apply(ENVIRONMENT));
    return Optional.ofNullable(location).map(Path::of);
  }

  private static String firstSet(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.trim();
      }
    }
    return null;
  }
}
