package dev.warden.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.plugin.internal.config.ByteSizes;
import dev.warden.plugin.internal.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One mapping of warden.yaml being read. Remembers which keys were read so that {@link #finish()} can name every
 * unknown key. Every error names the full key, e.g. {@code release.poll-interval}. Not thread-safe (one read).
 */
final class ConfigSection {
  private final String path;
  private final ObjectNode node;
  private final Set<String> read = new HashSet<>();

  private ConfigSection(String path, ObjectNode node) {
    this.path = path;
    this.node = node;
  }

  static ConfigSection of(String path, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new ConfigSection(path, JsonNodeFactory.instance.objectNode());
    }
    if (!node.isObject()) {
      throw new WardenConfigException(path.isEmpty() ? "(top level)" : path, null, "must be a mapping");
    }
    return new ConfigSection(path, (ObjectNode) node);
  }

  /** The full key of this mapping, e.g. {@code throttle.limits.default}. */
  String path() {
    return path;
  }

  String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  ConfigSection section(String name) {
    return of(key(name), raw(name));
  }

  /** A scalar as text; null if absent or null. */
  String text(String name) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new WardenConfigException(key(name), null, "must be a single value");
    }
    return value.asText();
  }

  String requiredText(String name) {
    String value = text(name);
    if (value == null || value.isBlank()) {
      throw new WardenConfigException(key(name), value, "is required");
    }
    return value;
  }

  int integer(String name) {
    String value = requiredText(name);
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new WardenConfigException(key(name), value, "must be a whole number");
    }
  }

  /** {@code true} or {@code false}. */
  boolean bool(String name) {
    String value = requiredText(name).trim().toLowerCase(java.util.Locale.ROOT);
    return switch (value) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new WardenConfigException(key(name), value, "must be true or false");
    };
  }

  long wholeNumber(String name) {
    String value = requiredText(name);
    try {
      return Long.parseLong(value.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new WardenConfigException(key(name), value, "must be a whole number");
    }
  }

  double decimal(String name) {
    String value = requiredText(name);
    try {
      double parsed = Double.parseDouble(value.trim());
      if (Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new WardenConfigException(key(name), value, "must be a number");
  }

  /** A number in [0,1], or null for off. */
  Double threshold(String name) {
    String value = text(name);
    if (value == null || value.equalsIgnoreCase("off")) {
      return null;
    }
    double parsed;
    try {
      parsed = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new WardenConfigException(key(name), value, "must be a number in [0,1] or null");
    }
    if (!(parsed >= 0.0 && parsed <= 1.0)) {
      throw new WardenConfigException(key(name), value, "must be in [0,1]");
    }
    return parsed;
  }

  Duration duration(String name) {
    String value = requiredText(name);
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new WardenConfigException(key(name), value, e.getMessage());
    }
  }

  long size(String name) {
    String value = requiredText(name);
    try {
      return ByteSizes.parse(value);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new WardenConfigException(key(name), value, "is not a size (e.g. 65536, 64KiB, 1MiB)");
    }
  }

  /** A list of scalars; empty if absent or null. */
  List<String> strings(String name) {
    List<String> values = new ArrayList<>();
    int i = 0;
    for (JsonNode item : list(name)) {
      if (!item.isValueNode() || item.isNull()) {
        throw new WardenConfigException(key(name) + "[" + i + "]", null, "must be a single value");
      }
      values.add(item.asText());
      i++;
    }
    return values;
  }

  /** The items of a list; empty if absent or null. */
  List<JsonNode> list(String name) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new WardenConfigException(key(name), null, "must be a list");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  /** The key names of this mapping, in file order. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Fails on the first key that was never read. */
  void finish() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!read.contains(name)) {
        throw new WardenConfigException(key(name), null, "is not a known key");
      }
    }
  }

  private JsonNode raw(String name) {
    read.add(name);
    return node.get(name);
  }
}
