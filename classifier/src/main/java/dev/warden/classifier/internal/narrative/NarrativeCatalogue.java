package dev.warden.classifier.internal.narrative;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.warden.classifier.ClassificationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered set of narratives with unique ids: the bundled catalogue, a publisher's YAML file, or both merged.
 *
 * <p>File shape: {@code version: 1} and {@code narratives:} a list of objects with {@code id}, {@code title},
 * {@code description}, {@code phrasings}, {@code keywords} and optional {@code debunk} and {@code since}
 * (yyyy-mm-dd). Unknown keys are errors that name the key. Immutable and thread-safe.
 */
public final class NarrativeCatalogue {
  /** Where the bundled catalogue lives on the classpath. */
  public static final String BUNDLED = "/dev/warden/classifier/narratives/narratives.yaml";

  /** A model directory may hold a catalogue file of this name; it extends the bundled one. */
  public static final String FILE_NAME = "narratives.yaml";

  private static final Set<String> KEYS =
      Set.of("id", "title", "description", "phrasings", "keywords", "debunk", "since");
  private static final YAMLMapper YAML =
      new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private static final class Bundled {
    static final NarrativeCatalogue INSTANCE = readBundled();
  }

  private final List<Narrative> narratives;

  /** A catalogue of these narratives; the same id twice is merged into one (first title wins). */
  public NarrativeCatalogue(List<Narrative> narratives) {
    Map<String, Narrative> byId = new LinkedHashMap<>();
    for (Narrative narrative : narratives) {
      byId.merge(narrative.id(), narrative, Narrative::mergedWith);
    }
    this.narratives = List.copyOf(byId.values());
  }

  /** The catalogue shipped in this jar. */
  public static NarrativeCatalogue bundled() {
    return Bundled.INSTANCE;
  }

  /** An empty catalogue. */
  public static NarrativeCatalogue empty() {
    return new NarrativeCatalogue(List.of());
  }

  /**
   * Reads a catalogue file.
   *
   * @throws ClassificationException naming the file and, where known, the narrative and key that are wrong
   */
  public static NarrativeCatalogue read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new ClassificationException("narratives file " + file + " does not exist");
    } catch (IOException e) {
      throw new ClassificationException("cannot read narratives file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The bundled catalogue extended by each file in turn (a later narrative with the same id replaces it). */
  public static NarrativeCatalogue bundledExtendedBy(List<Path> files) {
    NarrativeCatalogue catalogue = bundled();
    for (Path file : files) {
      catalogue = catalogue.extendedBy(read(file));
    }
    return catalogue;
  }

  /** This catalogue with {@code other}'s narratives: the same id is replaced by {@code other}'s, new ids appended. */
  public NarrativeCatalogue extendedBy(NarrativeCatalogue other) {
    Map<String, Narrative> byId = new LinkedHashMap<>();
    narratives.forEach(n -> byId.put(n.id(), n));
    other.narratives.forEach(n -> byId.put(n.id(), n));
    return new NarrativeCatalogue(new ArrayList<>(byId.values()));
  }

  /** The narratives in catalogue order. */
  public List<Narrative> narratives() {
    return narratives;
  }

  /** The narrative with this id, if any. */
  public Optional<Narrative> find(String id) {
    return narratives.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  public int size() {
    return narratives.size();
  }

  /** Writes this catalogue as YAML of the shape {@link #read} accepts. */
  public void write(Path file) throws IOException {
    ObjectNode root = YAML.createObjectNode();
    root.put("version", 1);
    ArrayNode list = root.putArray("narratives");
    for (Narrative n : narratives) {
      ObjectNode node = list.addObject();
      node.put("id", n.id());
      node.put("title", n.title());
      node.put("description", n.description());
      if (n.since() != null) {
        node.put("since", n.since().toString());
      }
      if (n.debunk() != null) {
        node.put("debunk", n.debunk());
      }
      n.keywords().forEach(node.putArray("keywords")::add);
      n.phrasings().forEach(node.putArray("phrasings")::add);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, YAML.writeValueAsString(root));
  }

  static NarrativeCatalogue parse(InputStream in, String where) throws IOException {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (JsonProcessingException e) {
      throw new ClassificationException(where + ": not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return empty();
    }
    JsonNode list = root.path("narratives");
    if (!list.isArray()) {
      throw new ClassificationException(where + ": expected a list under 'narratives'");
    }
    List<Narrative> narratives = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Narrative narrative = narrative(list.get(i), where + ": narratives[" + i + "]");
      if (!seen.add(narrative.id())) {
        throw new ClassificationException(where + ": narrative id '" + narrative.id() + "' appears twice");
      }
      narratives.add(narrative);
    }
    return new NarrativeCatalogue(narratives);
  }

  private static Narrative narrative(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new ClassificationException(where + ": expected an object with id, title, phrasings…");
    }
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        throw new ClassificationException(where + ": unknown key '" + key + "' (expected one of " + KEYS + ")");
      }
    }
    try {
      String since = text(node, "since");
      return new Narrative(
          text(node, "id"),
          text(node, "title"),
          text(node, "description"),
          strings(node, "phrasings", where),
          strings(node, "keywords", where),
          text(node, "debunk"),
          since == null ? null : LocalDate.parse(since));
    } catch (NullPointerException | IllegalArgumentException | DateTimeParseException e) {
      String id = node.path("id").asText("?");
      throw new ClassificationException(where + " (" + id + "): " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> strings(JsonNode node, String key, String where) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ClassificationException(where + ": '" + key + "' must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    value.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static NarrativeCatalogue readBundled() {
    try (InputStream in = NarrativeCatalogue.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new ClassificationException("the bundled narrative catalogue " + BUNDLED + " is missing");
      }
      return parse(in, "bundled narratives");
    } catch (IOException e) {
      throw new ClassificationException("cannot read the bundled narrative catalogue: " + e.getMessage(), e);
    }
  }
}
