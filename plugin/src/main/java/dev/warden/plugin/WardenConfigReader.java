package dev.warden.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.warden.classifier.Verdict;
import dev.warden.plugin.internal.config.Interpolator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads warden.yaml over the bundled defaults: merges the trees (mappings key by key, lists and values replace),
 * resolves {@code ${NAME}} references, then reads every section into its validated config record. Stateless.
 */
final class WardenConfigReader {
  static final String DATA_DIR = "data-dir";
  private static final String DEFAULTS = "warden-defaults.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final UnaryOperator<String> lookup;
  private final Path baseDirectory;

  /**
   * @param lookup resolves {@code ${NAME}} references
   * @param baseDirectory what a relative {@code data-dir} is relative to
   */
  WardenConfigReader(UnaryOperator<String> lookup, Path baseDirectory) {
    this.lookup = lookup;
    this.baseDirectory = baseDirectory.toAbsolutePath();
  }

  WardenConfig read(String yaml) {
    JsonNode merged = merge(defaults(), parse(yaml));
    interpolate(merged, "", new Interpolator(lookup, DATA_DIR));
    ConfigSection root = ConfigSection.of("", merged);
    Path dataDir = baseDirectory.resolve(root.requiredText(DATA_DIR)).normalize();
    WardenConfig config = new WardenConfig(
        dataDir,
        endpoints(root),
        new LimitsConfig(root.section("limits").size("max-body")),
        network(root.section("network")),
        articles(root.section("articles")),
        policies(root.section("policies")),
        store(root.section("store"), dataDir),
        release(root.section("release")),
        admin(root.section("admin")),
        models(root.section("models")),
        new ThrottleConfigReader().read(root.section("throttle")),
        console(root.section("console")),
        retention(root.section("retention")),
        ops(root.section("metrics"), root.section("health")));
    root.finish();
    return config;
  }

  private static JsonNode defaults() {
    try (InputStream in = WardenConfigReader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("bundled " + DEFAULTS + " is missing");
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String yaml) {
    try {
      JsonNode tree = YAML.readTree(yaml);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return YAML.createObjectNode();
      }
      if (!tree.isObject()) {
        throw new WardenConfigException("(top level)", null, "must be a mapping of keys to values");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new WardenConfigException("(file)", "is not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** Merges {@code over} into {@code base}: mappings key by key, everything else replaced. */
  private static JsonNode merge(JsonNode base, JsonNode over) {
    if (base instanceof ObjectNode && over.isNull()) {
      return base; // an empty section ("throttle:") keeps its defaults
    }
    if (!(base instanceof ObjectNode target) || !over.isObject()) {
      return over;
    }
    over.fields().forEachRemaining(e -> {
      JsonNode current = target.get(e.getKey());
      target.set(e.getKey(), current == null ? e.getValue() : merge(current, e.getValue()));
    });
    return target;
  }

  private static void interpolate(JsonNode node, String key, Interpolator interpolator) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(e -> {
        String child = key.isEmpty() ? e.getKey() : key + "." + e.getKey();
        if (e.getValue().isTextual()) {
          e.setValue(TextNode.valueOf(resolve(interpolator, child, e.getValue().asText())));
        } else {
          interpolate(e.getValue(), child, interpolator);
        }
      });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String child = key + "[" + i + "]";
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(resolve(interpolator, child, array.get(i).asText())));
        } else {
          interpolate(array.get(i), child, interpolator);
        }
      }
    }
  }

  private static String resolve(Interpolator interpolator, String key, String value) {
    try {
      return interpolator.resolve(value);
    } catch (IllegalArgumentException e) {
      throw new WardenConfigException(key, null, e.getMessage());
    }
  }

  private static List<EndpointConfig> endpoints(ConfigSection root) {
    List<JsonNode> items = root.list("endpoints");
    if (items.isEmpty()) {
      throw new WardenConfigException("endpoints", null, "must list at least one comment endpoint");
    }
    Set<String> names = new HashSet<>();
    List<EndpointConfig> endpoints = items.stream().map(WardenConfigReader::endpoint).toList();
    for (EndpointConfig endpoint : endpoints) {
      if (!names.add(endpoint.name())) {
        throw new WardenConfigException("endpoints[" + endpoint.name() + "].name", endpoint.name(),
            "is used by more than one endpoint");
      }
    }
    return endpoints;
  }

  private static EndpointConfig endpoint(JsonNode item) {
    String name = item != null && item.hasNonNull("name") ? item.get("name").asText() : "";
    ConfigSection s = ConfigSection.of("endpoints[" + name + "]", item);
    List<String> methods = s.strings("methods");
    EndpointConfig endpoint = new EndpointConfig(
        s.text("name"),
        s.text("path"),
        new LinkedHashSet<>(methods.isEmpty() ? List.of("POST") : methods),
        orDefault(s.text("format"), "auto"),
        orDefault(s.text("text-field"), "text"),
        orDefault(s.text("author-field"), "author"),
        orDefault(s.text("article"), "{article}"),
        s.text("return-to"));
    s.finish();
    return endpoint;
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static NetworkConfig network(ConfigSection s) {
    NetworkConfig network = new NetworkConfig(s.strings("trusted-proxies"));
    s.finish();
    return network;
  }

  /** Reads {@code articles}; also what live settings use, so that both validate alike. */
  static ArticlesConfig articles(ConfigSection s) {
    ConfigSection conflict = s.section("conflict");
    ArticlesConfig articles = new ArticlesConfig(
        new LinkedHashSet<>(conflict.strings("ids")),
        conflict.strings("paths"),
        new LinkedHashSet<>(conflict.strings("sections")),
        new LinkedHashSet<>(conflict.strings("tags")),
        new LinkedHashSet<>(conflict.strings("keywords")));
    conflict.finish();
    s.finish();
    return articles;
  }

  private static Map<String, PolicyConfig> policies(ConfigSection s) {
    Map<String, PolicyConfig> policies = new LinkedHashMap<>();
    policies.put("default", policy(s.section("default")));
    policies.put("conflict", policy(s.section("conflict")));
    s.finish();
    return policies;
  }

  /** Reads one policy; also what live settings use, so that both validate alike. */
  static PolicyConfig policy(ConfigSection s) {
    ConfigSection labels = s.section("labels");
    Map<String, PolicyConfig.LabelThresholds> thresholds = new LinkedHashMap<>();
    for (String label : labels.names()) {
      if (!PolicyConfig.SCORED.contains(label)) {
        throw new WardenConfigException(labels.key(label), null,
            "is not a label or abuse kind (known: " + PolicyConfig.SCORED + ")");
      }
      thresholds.put(label, thresholds(labels.section(label)));
    }
    PolicyConfig.OnError onError = choice(s, "on-error", PolicyConfig.OnError.class);
    PolicyConfig.OnUnsupportedLanguage onUnsupported =
        choice(s, "on-unsupported-language", PolicyConfig.OnUnsupportedLanguage.class);
    s.finish();
    return new PolicyConfig(thresholds, onError, onUnsupported);
  }

  private static PolicyConfig.LabelThresholds thresholds(ConfigSection t) {
    Double hold = t.threshold("hold");
    Double reject = t.threshold("reject");
    if (hold != null && reject != null && reject < hold) {
      throw new WardenConfigException(t.key("reject"), String.valueOf(reject), "must not be below hold (" + hold
          + ")");
    }
    t.finish();
    return new PolicyConfig.LabelThresholds(hold, reject);
  }

  /** A required value that names a constant of {@code type} in lower case, e.g. {@code hold}. */
  private static <E extends Enum<E>> E choice(ConfigSection s, String name, Class<E> type) {
    String value = s.requiredText(name);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
        return constant;
      }
    }
    List<String> known = java.util.Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    throw new WardenConfigException(s.key(name), value, "must be one of " + String.join(", ", known));
  }

  private static StoreConfig store(ConfigSection s, Path dataDir) {
    String url = s.requiredText("url").replace("${" + DATA_DIR + "}", dataDir.toString().replace('\\', '/'));
    StoreConfig store = new StoreConfig(url, s.text("username"), s.text("password"), s.integer("pool-size"),
        s.duration("connection-timeout"), s.duration("outage-retry"));
    s.finish();
    return store;
  }

  private static ReleaseConfig release(ConfigSection s) {
    String strategy = s.requiredText("strategy");
    ReleaseConfig release = new ReleaseConfig(
        strategy,
        target(s),
        s.requiredText("secret"),
        s.duration("poll-interval"),
        s.duration("lease"),
        s.duration("initial-backoff"),
        s.duration("max-backoff"),
        s.integer("max-attempts"),
        s.duration("request-timeout"));
    if (release.maxBackoff().compareTo(release.initialBackoff()) < 0) {
      throw new WardenConfigException(s.key("max-backoff"), release.maxBackoff().toString(),
          "must not be shorter than release.initial-backoff");
    }
    if (release.requestTimeout().compareTo(release.lease()) >= 0) {
      // A worker still waiting for the site after its lease ended could see another node deliver the comment too.
      throw new WardenConfigException(s.key("request-timeout"), release.requestTimeout().toString(),
          "must be shorter than release.lease (" + release.lease() + ")");
    }
    s.finish();
    return release;
  }

  private static URI target(ConfigSection s) {
    String text = s.text("target");
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(text.trim());
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new WardenConfigException(s.key("target"), text, "must be an http:// or https:// URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new WardenConfigException(s.key("target"), text, "is not a URL");
    }
  }

  private static AdminConfig admin(ConfigSection s) {
    String auth = s.requiredText("auth");
    List<AdminConfig.AdminUser> users = s.list("users").stream().map(WardenConfigReader::adminUser).toList();
    if ("builtin".equals(auth) && users.isEmpty()) {
      throw new WardenConfigException(s.key("users"), null, "must list at least one user when admin.auth is builtin");
    }
    Set<String> names = new HashSet<>();
    for (AdminConfig.AdminUser user : users) {
      if (!names.add(user.name())) {
        throw new WardenConfigException(s.key("users[" + user.name() + "]"), null, "is listed more than once");
      }
    }
    String token = s.text("api-token");
    AdminConfig admin = new AdminConfig(auth, s.duration("session-timeout"), users,
        token == null || token.isEmpty() ? null : token);
    s.finish();
    return admin;
  }

  private static AdminConfig.AdminUser adminUser(JsonNode node) {
    ConfigSection s = ConfigSection.of("admin.users[]", node);
    AdminConfig.AdminUser user = new AdminConfig.AdminUser(s.text("name"), s.strings("roles"),
        s.text("password-hash"));
    s.finish();
    return user;
  }

  private static RetentionConfig retention(ConfigSection s) {
    RetentionConfig retention = new RetentionConfig(s.bool("enabled"), s.duration("decided-after"),
        s.duration("sweep-interval"), s.integer("batch"));
    s.finish();
    return retention;
  }

  private static ConsoleConfig console(ConfigSection s) {
    ConfigSection samples = s.section("samples");
    ConsoleConfig console = new ConsoleConfig(s.duration("refresh"), new ConsoleConfig.Samples(
        samples.bool("enabled"), samples.duration("retention"), samples.wholeNumber("max-rows"),
        samples.integer("queue"), samples.duration("flush-interval")));
    samples.finish();
    s.finish();
    return console;
  }

  private static OpsConfig ops(ConfigSection metrics, ConfigSection health) {
    OpsConfig ops = new OpsConfig(metrics.bool("enabled"), metrics.text("scrape-token"),
        metrics.duration("queue-refresh"), health.duration("cache"), health.duration("database-timeout"),
        health.duration("backlog-age"));
    metrics.finish();
    health.finish();
    return ops;
  }

  private ModelsConfig models(ConfigSection s) {
    String directory = s.text("directory");
    List<String> narratives = s.strings("narratives");
    List<Path> catalogues = new java.util.ArrayList<>();
    for (int i = 0; i < narratives.size(); i++) {
      String item = narratives.get(i);
      if (item.isBlank()) {
        throw new WardenConfigException(s.key("narratives") + "[" + i + "]", item, "must be a file path");
      }
      catalogues.add(baseDirectory.resolve(item.trim()).normalize());
    }
    ConfigSection reload = s.section("reload");
    ModelsConfig.Reload reloading = new ModelsConfig.Reload(reload.bool("watch"), reload.duration("interval"));
    reload.finish();
    ModelsConfig models = new ModelsConfig(
        directory == null || directory.isBlank() ? null : baseDirectory.resolve(directory.trim()).normalize(),
        catalogues, reloading);
    s.finish();
    return models;
  }
}
