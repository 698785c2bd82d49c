package dev.warden.plugin.internal.policy;

import dev.warden.classifier.Classifier;
import dev.warden.classifier.NarrativeDefinition;
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
 * The narrative catalogue of this node: start-up's classifier (bundled model and narratives plus the
 * {@code models.narratives} files) with the publishers' stored changes on top. The catalogue in force and its
 * classifier are one immutable {@link State} in an {@link AtomicReference}, swapped whole; a change builds a new
 * classifier from start-up's with {@link Classifier#withNarratives} (the models are shared, only the narrative index
 * is rebuilt). The store is re-read every {@code console.refresh} so that other nodes' changes arrive; a failed
 * refresh keeps the catalogue in force. Changes only move forward: per narrative, the higher version wins, so a
 * refresh that read the store just before a local change cannot bring the older one back. Thread-safe.
 */
public final class VersionedNarratives implements LiveNarratives, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VersionedNarratives.class);
  private static final int HISTORY = 100;

  /** The catalogue in force: the publishers' latest change per id, and the classifier built from it. */
  private record State(Map<String, NarrativeEdit> edits, Classifier classifier) {}

  private final JdbcNarrativeVersions store;
  private final Classifier base;
  private final Map<String, NarrativeDefinition> bundled;
  private final AtomicReference<State> state;
  private final ScheduledExecutorService worker;

  private VersionedNarratives(JdbcNarrativeVersions store, Classifier base) {
    this.store = store;
    this.base = base;
    this.bundled = NarrativeDefinition.bundled().stream()
        .collect(Collectors.toUnmodifiableMap(NarrativeDefinition::id, n -> n));
    this.state = new AtomicReference<>(new State(Map.of(), base));
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
    VersionedNarratives narratives = new VersionedNarratives(store, base);
    narratives.refresh();
    long millis = Math.max(1, every.toMillis());
    narratives.worker.scheduleWithFixedDelay(narratives::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
    return narratives;
  }

  @Override
  public Classifier classifier() {
    return state.get().classifier();
  }

  @Override
  public List<CatalogueEntry> catalogue() {
    Map<String, NarrativeEdit> edits = new LinkedHashMap<>(state.get().edits());
    List<CatalogueEntry> entries = new ArrayList<>();
    for (NarrativeDefinition n : base.narratives()) {
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
    State now = state.get();
    Map<String, NarrativeEdit> edits = new TreeMap<>(now.edits());
    boolean changed = false;
    for (NarrativeEdit edit : changes) {
      NarrativeEdit known = edits.get(edit.id());
      if (known == null || edit.version() > known.version()) {
        edits.put(edit.id(), edit);
        changed = true;
      }
    }
    if (changed) {
      state.set(new State(Collections.unmodifiableMap(edits), base.withNarratives(active(edits))));
    }
    return changed;
  }

  /** Start-up's narratives with the publishers' changes, then the publishers' own, without the retired ones. */
  private List<NarrativeDefinition> active(Map<String, NarrativeEdit> edits) {
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
