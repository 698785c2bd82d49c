package dev.warden.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What publishers may change while Warden runs: the default, conflict and per-section policies, the throttle's
 * limits of both policies, and which articles are conflict coverage. warden.yaml gives the baseline ({@link
 * #of(WardenConfig)}); a publisher's change is a whole new value, validated exactly as at start-up (a bad value is a
 * {@link WardenConfigException} naming the same key as in warden.yaml).
 *
 * <p>The JSON form ({@link #fromJson}, {@link #toJson()}) uses warden.yaml's keys:
 *
 * <pre>{@code
 * {"policies": {"default": {...}, "conflict": {...}, "sections": {"World": {...}}},
 *  "throttle": {"limits": {"default": {...}, "conflict": {...}, "sections": {"World": {...}}}},
 *  "articles": {"conflict": {"ids": [], "paths": [], "sections": [], "tags": []}}}
 * }</pre>
 *
 * <p>A policy is named {@code default}, {@code conflict} or {@code section:<name>} ({@link #policy(String)}).
 * Immutable and thread-safe.
 *
 * @param defaultPolicy thresholds on ordinary articles ({@code policies.default})
 * @param conflictPolicy thresholds on conflict articles ({@code policies.conflict})
 * @param sectionPolicies thresholds on the registered articles of a section, by section name
 *     ({@code policies.sections.<name>}); sorted by name
 * @param throttleLimits the allowances of ordinary and conflict articles, and of sections that have their own
 *     ({@code throttle.limits})
 * @param articles which articles are conflict coverage ({@code articles.conflict})
 */
public record PolicySettings(
    PolicyConfig defaultPolicy,
    PolicyConfig conflictPolicy,
    Map<String, PolicyConfig> sectionPolicies,
    ThrottleConfig.PolicyLimits throttleLimits,
    ArticlesConfig articles) {
  /** The name of the policy of ordinary articles. */
  public static final String DEFAULT = "default";
  /** The name of the policy of conflict articles. */
  public static final String CONFLICT = "conflict";
  /** The prefix of a section policy's name: {@code section:World}. */
  public static final String SECTION_PREFIX = "section:";
  /** At most this many section policies (the settings document must also fit the admin API's body limit). */
  public static final int MAX_SECTIONS = 40;
  /** The longest section name, as in the article registry. */
  public static final int MAX_SECTION_NAME = 100;

  public PolicySettings {
    Objects.requireNonNull(defaultPolicy, "defaultPolicy");
    Objects.requireNonNull(conflictPolicy, "conflictPolicy");
    Objects.requireNonNull(throttleLimits, "throttleLimits");
    Objects.requireNonNull(articles, "articles");
    if (sectionPolicies.size() > MAX_SECTIONS) {
      throw new WardenConfigException("policies.sections", null, "must not have more than " + MAX_SECTIONS
          + " sections");
    }
    TreeMap<String, PolicyConfig> sections = new TreeMap<>();
    sectionPolicies.forEach((section, policy) -> {
      requireSectionName("policies.sections", section);
      sections.put(section, complete(Objects.requireNonNull(policy, "section policy")));
    });
    for (String section : throttleLimits.sections().keySet()) {
      if (!sections.containsKey(section)) {
        throw new WardenConfigException("throttle.limits.sections." + section, null,
            "needs a section policy (policies.sections." + section + ")");
      }
    }
    defaultPolicy = complete(defaultPolicy);
    conflictPolicy = complete(conflictPolicy);
    sectionPolicies = Collections.unmodifiableMap(sections);
  }

  /** The baseline: the policies, limits and conflict rules of warden.yaml. */
  public static PolicySettings of(WardenConfig config) {
    return new PolicySettings(config.defaultPolicy(), config.conflictPolicy(), Map.of(),
        config.throttle().policyLimits(), config.articles());
  }

  /**
   * Reads and validates the JSON form. Every key of a policy and of the limits is required except the labels (a
   * label not listed is off), the conflict-rule lists (absent is empty) and the sections' own limits (absent is their
   * kind's; each needs that section's policy); unknown keys are errors.
   *
   * @throws WardenConfigException naming the first bad key, e.g. {@code policies.conflict.labels.abuse.hold}
   */
  public static PolicySettings fromJson(JsonNode json) {
    return PolicySettingsJson.read(json);
  }

  /** The JSON form, which {@link #fromJson} reads back as an equal value. */
  public ObjectNode toJson() {
    return PolicySettingsJson.write(this);
  }

  /** The policy with this name ({@code default}, {@code conflict} or {@code section:<name>}), or null. */
  public PolicyConfig policy(String name) {
    if (DEFAULT.equals(name)) {
      return defaultPolicy;
    }
    if (CONFLICT.equals(name)) {
      return conflictPolicy;
    }
    if (name != null && name.startsWith(SECTION_PREFIX)) {
      return sectionPolicies.get(name.substring(SECTION_PREFIX.length()));
    }
    return null;
  }

  /** Every policy's name: default, conflict, then the sections by name. */
  public List<String> policyNames() {
    List<String> names = new ArrayList<>(List.of(DEFAULT, CONFLICT));
    sectionPolicies.keySet().forEach(section -> names.add(SECTION_PREFIX + section));
    return List.copyOf(names);
  }

  /**
   * What changed from {@code before} to this value, key by key in warden.yaml's terms (e.g. {@code
   * policies.conflict.labels.abuse.hold: 0.5 -> 0.4}), in key order.
   */
  public List<Change> changesFrom(PolicySettings before) {
    return PolicySettingsJson.changes(before, this);
  }

  /**
   * One changed value.
   *
   * @param key the key, as in warden.yaml
   * @param before the old value as text, or null if the key did not exist (e.g. a new section)
   * @param after the new value as text, or null if the key is gone
   */
  public record Change(String key, String before, String after) {
    public Change {
      Objects.requireNonNull(key, "key");
    }

    /** {@code key: before -> after}, with {@code (none)} for a missing side. */
    @Override
    public String toString() {
      return key + ": " + (before == null ? "(none)" : before) + " -> " + (after == null ? "(none)" : after);
    }
  }

  /**
   * The policy with every label and kind listed (off where it was not), so that settings read from JSON and from
   * warden.yaml are equal exactly when they behave alike.
   */
  private static PolicyConfig complete(PolicyConfig policy) {
    Map<String, PolicyConfig.LabelThresholds> labels = new java.util.LinkedHashMap<>();
    PolicyConfig.SCORED.forEach(name -> labels.put(name, policy.thresholds(name)));
    return new PolicyConfig(labels, policy.onError(), policy.onUnsupportedLanguage());
  }

  /** Fails naming {@code key} unless {@code section} is a valid section name. */
  static void requireSectionName(String key, String section) {
    if (section == null || section.isBlank() || section.length() > MAX_SECTION_NAME
        || section.chars().anyMatch(Character::isISOControl) || !section.strip().equals(section)) {
      throw new WardenConfigException(key, section, "must name a section: 1 to "
          + MAX_SECTION_NAME + " characters, no control characters or surrounding spaces");
    }
  }
}
