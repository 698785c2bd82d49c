package dev.warden.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.plugin.internal.config.Durations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The JSON form of {@link PolicySettings}. Reading goes through the same {@link ConfigSection} readers as warden.yaml,
 * so a value is valid live exactly when it is valid at start-up, and errors name the same keys. Writing is
 * canonical (labels in display order, id/section/tag sets sorted), so equal settings give equal JSON and a diff
 * shows only real changes. Stateless.
 */
final class PolicySettingsJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PolicySettingsJson() {}

  static PolicySettings read(JsonNode json) {
    ConfigSection root = ConfigSection.of("", json);
    ConfigSection policies = root.section("policies");
    PolicyConfig defaultPolicy = WardenConfigReader.policy(policies.section(PolicySettings.DEFAULT));
    PolicyConfig conflictPolicy = WardenConfigReader.policy(policies.section(PolicySettings.CONFLICT));
    ConfigSection sections = policies.section("sections");
    Map<String, PolicyConfig> sectionPolicies = new LinkedHashMap<>();
    for (String name : sections.names()) {
      sectionPolicies.put(name, WardenConfigReader.policy(sections.section(name)));
    }
    sections.finish();
    policies.finish();
    ConfigSection throttle = root.section("throttle");
    ConfigSection limits = throttle.section("limits");
    ThrottleConfig.Limits defaultLimits = ThrottleConfigReader.limits(limits.section(PolicySettings.DEFAULT));
    ThrottleConfig.Limits conflictLimits = ThrottleConfigReader.limits(limits.section(PolicySettings.CONFLICT));
    ConfigSection limitSections = limits.section("sections");
    Map<String, ThrottleConfig.Limits> sectionLimits = new LinkedHashMap<>();
    for (String name : limitSections.names()) {
      sectionLimits.put(name, ThrottleConfigReader.limits(limitSections.section(name)));
    }
    limitSections.finish();
    limits.finish();
    ThrottleConfig.PolicyLimits policyLimits =
        new ThrottleConfig.PolicyLimits(defaultLimits, conflictLimits, sectionLimits);
    throttle.finish();
    ArticlesConfig articles = WardenConfigReader.articles(root.section("articles"));
    root.finish();
    return new PolicySettings(defaultPolicy, conflictPolicy, sectionPolicies, policyLimits, articles);
  }

  static ObjectNode write(PolicySettings settings) {
    ObjectNode policies = NODES.objectNode();
    policies.set(PolicySettings.DEFAULT, policy(settings.defaultPolicy()));
    policies.set(PolicySettings.CONFLICT, policy(settings.conflictPolicy()));
    ObjectNode sections = policies.putObject("sections");
    settings.sectionPolicies().forEach((name, policy) -> sections.set(name, policy(policy)));
    ObjectNode limits = NODES.objectNode();
    limits.set(PolicySettings.DEFAULT, limits(settings.throttleLimits().defaults()));
    limits.set(PolicySettings.CONFLICT, limits(settings.throttleLimits().conflict()));
    ObjectNode limitSections = limits.putObject("sections");
    settings.throttleLimits().sections().forEach((name, own) -> limitSections.set(name, limits(own)));
    ObjectNode conflict = NODES.objectNode();
    ArticlesConfig articles = settings.articles();
    conflict.set("ids", sorted(articles.conflictIds()));
    conflict.set("paths", strings(articles.conflictPaths()));
    conflict.set("sections", sorted(articles.conflictSections()));
    conflict.set("tags", sorted(articles.conflictTags()));
    conflict.set("keywords", sorted(articles.conflictKeywords()));
    ObjectNode root = NODES.objectNode();
    root.set("policies", policies);
    root.putObject("throttle").set("limits", limits);
    root.putObject("articles").set("conflict", conflict);
    return root;
  }

  private static ObjectNode policy(PolicyConfig policy) {
    ObjectNode node = NODES.objectNode();
    ObjectNode labels = node.putObject("labels");
    for (String name : PolicyConfig.SCORED) {
      PolicyConfig.LabelThresholds t = policy.thresholds(name);
      ObjectNode pair = labels.putObject(name);
      pair.put("hold", t.hold());
      pair.put("reject", t.reject());
    }
    node.put("on-error", policy.onError().name().toLowerCase(Locale.ROOT));
    node.put("on-unsupported-language", policy.onUnsupportedLanguage().name().toLowerCase(Locale.ROOT));
    return node;
  }

  private static ObjectNode limits(ThrottleConfig.Limits limits) {
    ObjectNode node = NODES.objectNode();
    node.put("min-interval", Durations.format(limits.minInterval()));
    node.put("max", limits.window().max());
    node.put("window", Durations.format(limits.window().window()));
    ObjectNode perArticle = node.putObject("per-article");
    perArticle.put("max", limits.perArticle().max());
    perArticle.put("window", Durations.format(limits.perArticle().window()));
    return node;
  }

  private static ArrayNode sorted(Collection<String> values) {
    return strings(new TreeSet<>(values));
  }

  private static ArrayNode strings(Collection<String> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  /** The changes between two values, by flattening both JSON forms to key/value pairs. */
  static List<PolicySettings.Change> changes(PolicySettings before, PolicySettings after) {
    Map<String, String> old = flatten(write(before));
    Map<String, String> now = flatten(write(after));
    TreeSet<String> keys = new TreeSet<>(old.keySet());
    keys.addAll(now.keySet());
    List<PolicySettings.Change> changes = new ArrayList<>();
    for (String key : keys) {
      if (!Objects.equals(old.get(key), now.get(key))) {
        changes.add(new PolicySettings.Change(key, old.get(key), now.get(key)));
      }
    }
    return List.copyOf(changes);
  }

  /** Leaves by dotted key; a list is one leaf (its JSON text), so a changed list is one change. */
  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> leaves = new LinkedHashMap<>();
    flatten("", node, leaves);
    return leaves;
  }

  private static void flatten(String key, JsonNode node, Map<String, String> leaves) {
    if (node.isObject()) {
      node.properties().forEach(e -> flatten(key.isEmpty() ? e.getKey() : key + "." + e.getKey(),
          e.getValue(), leaves));
    } else if (node.isNull()) {
      leaves.put(key, "off");
    } else {
      leaves.put(key, node.isValueNode() ? node.asText() : node.toString());
    }
  }
}
