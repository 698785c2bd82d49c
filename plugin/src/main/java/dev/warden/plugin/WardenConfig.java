package dev.warden.plugin;

import dev.warden.plugin.internal.config.Interpolator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The whole validated, immutable configuration, loaded once from {@code warden.yaml} over bundled defaults.
 * {@code ${NAME}} and {@code ${NAME:-default}} are resolved from system properties, then environment variables;
 * {@code ${data-dir}} may be used in {@code store.url}. Every bad value fails with a {@link WardenConfigException}
 * that names its key. Immutable and thread-safe.
 */
public final class WardenConfig {
  private final Path dataDir;
  private final List<EndpointConfig> endpoints;
  private final LimitsConfig limits;
  private final NetworkConfig network;
  private final ArticlesConfig articles;
  private final PolicyConfig defaultPolicy;
  private final PolicyConfig conflictPolicy;
  private final StoreConfig store;
  private final ReleaseConfig release;
  private final AdminConfig admin;
  private final ModelsConfig models;
  private final ThrottleConfig throttle;
  private final ConsoleConfig console;
  private final RetentionConfig retention;
  private final OpsConfig ops;

  WardenConfig(
      Path dataDir,
      List<EndpointConfig> endpoints,
      LimitsConfig limits,
      NetworkConfig network,
      ArticlesConfig articles,
      Map<String, PolicyConfig> policies,
      StoreConfig store,
      ReleaseConfig release,
      AdminConfig admin,
      ModelsConfig models,
      ThrottleConfig throttle,
      ConsoleConfig console,
      RetentionConfig retention,
      OpsConfig ops) {
    this.dataDir = Objects.requireNonNull(dataDir);
    this.endpoints = List.copyOf(endpoints);
    this.limits = Objects.requireNonNull(limits);
    this.network = Objects.requireNonNull(network);
    this.articles = Objects.requireNonNull(articles);
    this.defaultPolicy = Objects.requireNonNull(policies.get("default"));
    this.conflictPolicy = Objects.requireNonNull(policies.get("conflict"));
    this.store = Objects.requireNonNull(store);
    this.release = Objects.requireNonNull(release);
    this.admin = Objects.requireNonNull(admin);
    this.models = Objects.requireNonNull(models);
    this.throttle = Objects.requireNonNull(throttle);
    this.console = Objects.requireNonNull(console);
    this.retention = Objects.requireNonNull(retention);
    this.ops = Objects.requireNonNull(ops);
  }

  /**
   * Loads and validates a config file over the bundled defaults. A relative {@code data-dir} is relative to the
   * file's directory.
   */
  public static WardenConfig load(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WardenConfigException("(file)", "cannot be read: " + file, e);
    }
    Path base = file.toAbsolutePath().getParent();
    return new WardenConfigReader(Interpolator.systemLookup(), base).read(yaml);
  }

  /**
   * Parses and validates YAML text over the bundled defaults (for tests and embedding). A relative
   * {@code data-dir} is relative to the working directory.
   */
  public static WardenConfig parse(String yaml) {
    return parse(yaml, Interpolator.systemLookup());
  }

  /**
   * Parses YAML text, resolving {@code ${NAME}} with the given lookup instead of system properties and the
   * environment.
   *
   * @param lookup returns the value of a name, or null when unset
   */
  public static WardenConfig parse(String yaml, UnaryOperator<String> lookup) {
    return new WardenConfigReader(lookup, Path.of("")).read(yaml);
  }

  /** The absolute base directory for the default H2 store ({@code data-dir}). */
  public Path dataDir() {
    return dataDir;
  }

  /** The comment endpoints, in file order ({@code endpoints}). */
  public List<EndpointConfig> endpoints() {
    return endpoints;
  }

  /** Request limits ({@code limits}). */
  public LimitsConfig limits() {
    return limits;
  }

  /** Trusted proxies ({@code network}). */
  public NetworkConfig network() {
    return network;
  }

  /** Which articles are conflict coverage ({@code articles}). */
  public ArticlesConfig articles() {
    return articles;
  }

  /** Thresholds for non-conflict articles ({@code policies.default}). */
  public PolicyConfig defaultPolicy() {
    return defaultPolicy;
  }

  /** Thresholds for conflict articles ({@code policies.conflict}). */
  public PolicyConfig conflictPolicy() {
    return conflictPolicy;
  }

  public StoreConfig store() {
    return store;
  }

  public ReleaseConfig release() {
    return release;
  }

  public AdminConfig admin() {
    return admin;
  }

  /** Classifier models ({@code models}). */
  public ModelsConfig models() {
    return models;
  }

  /** Throttling of repeat posters and floods ({@code throttle}). */
  public ThrottleConfig throttle() {
    return throttle;
  }

  /** Live policy versions and the score sample of the publishers' console ({@code console}). */
  public ConsoleConfig console() {
    return console;
  }

  /** How long decided comments are kept before the purge deletes them ({@code retention}). */
  public RetentionConfig retention() {
    return retention;
  }

  /** The health and metrics endpoints ({@code metrics} and {@code health}). */
  public OpsConfig ops() {
    return ops;
  }

  @Override
  public String toString() {
    return "WardenConfig[dataDir=" + dataDir + ", endpoints=" + endpoints.size() + ", " + store + ", " + release
        + ", " + admin + "]";
  }
}
