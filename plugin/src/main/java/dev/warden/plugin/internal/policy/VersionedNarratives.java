package dev.warden.plugin.internal.policy;

import dev.warden.classifier.Classifier;
import dev.warden.classifier.NarrativeDefinition;
import dev.warden.plugin.internal.models.ClassifierInForce;
import dev.warden.plugin.internal.store.JdbcNarrativeVersions;
import dev.warden.plugin.policy.CatalogueEntry;
import dev.warden.plugin.policy.LiveNarratives;
import dev.warden.plugin.policy.NarrativeEdit;
import dev.warden.plugin.store.Actor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The narrative catalogue of this node: the base classifier's (models and narratives plus the
 * {@code models.narratives} files) with the publishers' stored changes on top. The publishers' latest change per
 * narrative is one immutable map in an {@link AtomicReference}; a change hands {@link ClassifierInForce} an overlay
 * that applies the changes to any base with {@link Classifier#withNarratives} (the models are shared, only the
 * narrative index is rebuilt), so that new models swapped in later keep the publishers' catalogue. The store is
 * re-read every {@code console.refresh} so that other nodes' changes arrive; a failed refresh keeps the catalogue
 * in force. Changes only move forward: per narrative, the higher version wins, so a refresh that read the store
 * just before a local change cannot bring the older one back. Thread-safe.
 */
public final class VersionedNarratives implements LiveNarratives, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VersionedNarratives.class);
  private static final int HISTORY = 100;

  private final JdbcNarrativeVersions store;
  private final ClassifierInForce inForce;
  private final Map<String, NarrativeDefinition> bundled;
  /** The publishers' latest change per id. */
  private final AtomicReference<Map<String, NarrativeEdit>> edits = new AtomicReference<>(Map.of());
  private final ScheduledExecutorService worker;

  private VersionedNarratives(JdbcNarrativeVersions store, ClassifierInForce inForce) {
    this.store = store;
    this.inForce = inForce;
    this.bundled = NarrativeDefinition.bundled().stream()
        .collect(Collectors.toUnmodifiableMap(NarrativeDefinition::id, n -> n));
    this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "warden-narratives");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Applies the stored changes to {@code base}'s catalogue (a store that cannot be read fails start-up), then
   * re-reads the store every {@code every}.
   */
  public static VersionedNarratives start(JdbcNarrativeVersions store, Classifier base, Duration every) {
    return start(store, new ClassifierInForce(base), every);
  }

  /**
   * Applies the stored changes over the classifier in force (a store that cannot be read fails start-up), then
   * re-reads the store every {@code every}. Models swapped into {@code inForce} later keep the changes.
   */
  public static VersionedNarratives start(JdbcNarrativeVersions store, ClassifierInForce inForce, Duration every) {
    VersionedNarratives narratives = new VersionedNarratives(store, inForce);
    narratives.refresh();
    long millis = Math.max(1, every.toMillis());
    narratives.worker.scheduleWithFixedDelay(narratives::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
    return narratives;
  }

  @Override
  public Classifier classifier() {
    return inForce.get();
  }

  @Override
  public List<CatalogueEntry> catalogue() {
    Map<String, NarrativeEdit> edits = new LinkedHashMap<>(this.edits.get());
    List<CatalogueEntry> entries = new ArrayList<>();
    for (NarrativeDefinition n : inForce.base().narratives()) {
      NarrativeEdit edit = edits.remove(n.id());
      CatalogueEntry.Source source = n.equals(bundled.get(n.id()))
          ? CatalogueEntry.Source.BUNDLED : CatalogueEntry.Source.FILE;
      entries.add(edit == null ? new CatalogueEntry(n, source, NarrativeEdit.Status.ACTIVE, null)
          : new CatalogueEntry(edit.narrative(), source, edit.status(), edit));
    }
    edits.values().forEach(edit -> entries.add(
        new CatalogueEntry(edit.narrative(), CatalogueEntry.Source.PUBLISHER, edit.status(), edit)));
    return List.copyOf(entries);
  }

  @Override
  public List<NarrativeEdit> history(String id) {
    return store.history(id, HISTORY);
  }

  @Override
  public NarrativeEdit save(NarrativeDefinition narrative, Actor author) {
    Objects.requireNonNull(narrative, "narrative");
    if (narrative.phrasings().isEmpty()) {
      throw new IllegalArgumentException("phrasings: a narrative needs at least one phrasing");
    }
    boolean known = find(narrative.id()).isPresent();
    return apply(store.append(narrative, NarrativeEdit.Status.ACTIVE, author,
        known ? "narrative_edit" : "narrative_add", -1));
  }

  @Override
  public NarrativeEdit retire(String id, Actor author) {
    return changeStatus(id, NarrativeEdit.Status.RETIRED, "narrative_retire", author);
  }

  @Override
  public NarrativeEdit restore(String id, Actor author) {
    return changeStatus(id, NarrativeEdit.Status.ACTIVE, "narrative_restore", author);
  }

  private NarrativeEdit changeStatus(String id, NarrativeEdit.Status status, String action, Actor author) {
    CatalogueEntry entry = find(id).orElseThrow(() -> new NoSuchElementException("no narrative " + id));
    long expected = entry.edit() == null ? 0 : entry.edit().version();
    return apply(store.append(entry.narrative(), status, author, action, expected));
  }

  private NarrativeEdit apply(NarrativeEdit edit) {
    merge(List.of(edit));
    LOG.info("Narratives: {} version {} ({}) by '{}'", edit.id(), edit.version(), edit.status().wireName(),
        edit.author());
    return edit;
  }

  @Override
  public void refresh() {
    if (merge(store.latest())) {
      LOG.info("Narratives: the publishers' changes of other nodes are in force on this node");
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.warn("Could not refresh the narratives; keeping the catalogue in force: {}", e.toString());
    }
  }

  /** Puts the newer of these changes in force, building a new classifier if any was newer; true if so. */
  private synchronized boolean merge(List<NarrativeEdit> changes) {
    Map<String, NarrativeEdit> edits = new TreeMap<>(this.edits.get());
    boolean changed = false;
    for (NarrativeEdit edit : changes) {
      NarrativeEdit known = edits.get(edit.id());
      if (known == null || edit.version() > known.version()) {
        edits.put(edit.id(), edit);
        changed = true;
      }
    }
    if (changed) {
      Map<String, NarrativeEdit> now = Collections.unmodifiableMap(edits);
      inForce.overlay(base -> base.withNarratives(active(now, base)));
      this.edits.set(now);
    }
    return changed;
  }

  /** The base's narratives with the publishers' changes, then the publishers' own, without the retired ones. */
  private static List<NarrativeDefinition> active(Map<String, NarrativeEdit> edits, Classifier base) {
    Map<String, NarrativeEdit> rest = new LinkedHashMap<>(edits);
    List<NarrativeDefinition> out = new ArrayList<>();
    for (NarrativeDefinition n : base.narratives()) {
      NarrativeEdit edit = rest.remove(n.id());
      if (edit == null) {
        out.add(n);
      } else if (edit.status() == NarrativeEdit.Status.ACTIVE) {
        out.add(edit.narrative());
      }
    }
    rest.values().stream().filter(e -> e.status() == NarrativeEdit.Status.ACTIVE)
        .forEach(e -> out.add(e.narrative()));
    return out;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
