package dev.warden.plugin.internal.models;

import dev.warden.classifier.Classifier;
import dev.warden.plugin.ModelsConfig;
import dev.warden.plugin.policy.LiveModels;
import dev.warden.plugin.policy.ModelInfo;
import dev.warden.plugin.policy.ModelReload;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of {@code models.directory}, reloaded while Warden runs. Every {@code models.reload.interval} (when
 * {@code models.reload.watch} is on) a background thread compares the directory's {@link ModelFingerprint} with the
 * last one it saw; on a change it loads the models from the directory's real path (so a symlink swapped again
 * meanwhile cannot mix two versions' files), checks them ({@link ModelCheck}) and swaps them into
 * {@link ClassifierInForce} in one step, under the publishers' narrative overlay. Comments are classified by the
 * models in force all the while. Models that fail to load or to pass the checks are refused with a WARN and the
 * models in force stay; the same directory is not tried again until it changes. One load runs at a time.
 *
 * <p>Thread-safe.
 */
public final class WatchedModels implements LiveModels, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WatchedModels.class);

  private final Path directory;
  private final boolean watched;
  private final Function<Path, Classifier> loader;
  private final ClassifierInForce inForce;
  private final Clock clock;
  private final Object loading = new Object();
  private final ScheduledExecutorService worker;
  private volatile ModelInfo info;
  /** The fingerprint of the last directory loaded or refused; guarded by {@link #loading}. */
  private ModelFingerprint seen;
  /** The last reason the directory could not even be read, so that a lasting problem is logged once. */
  private String unreadable;

  private WatchedModels(ModelsConfig models, Function<Path, Classifier> loader, Clock clock,
      ModelFingerprint seen, Classifier initial) {
    this.directory = models.directory();
    this.watched = directory != null && models.reload().watch();
    this.loader = loader;
    this.clock = clock;
    this.seen = seen;
    this.inForce = new ClassifierInForce(initial);
    this.info = new ModelInfo(initial.modelVersion(), seen == null ? directory : seen.realPath(), clock.instant(),
        watched);
    this.worker = watched ? Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "warden-models");
      thread.setDaemon(true);
      return thread;
    }) : null;
  }

  /**
   * Loads the models of {@code models} (the bundled ones if it names no directory) and, if watching is on, starts
   * polling the directory.
   *
   * @param loader loads a model directory, or the bundled model for {@code null}, with the {@code models.narratives}
   *     files; its exceptions at start-up are the caller's to report
   */
  public static WatchedModels start(ModelsConfig models, Function<Path, Classifier> loader, Clock clock) {
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(clock, "clock");
    Path directory = models.directory();
    ModelFingerprint seen = null;
    if (directory != null) {
      try {
        // Taken before loading, so that a swap during start-up is noticed by the first poll.
        seen = ModelFingerprint.of(directory);
      } catch (IOException e) {
        LOG.warn("Models: cannot read {}: {}", directory, e.toString());
      }
    }
    Classifier initial = loader.apply(seen == null ? directory : seen.realPath());
    WatchedModels live = new WatchedModels(models, loader, clock, seen, initial);
    if (live.watched) {
      long millis = models.reload().interval().toMillis();
      live.worker.scheduleWithFixedDelay(live::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
      LOG.info("Models: watching {} every {}", directory, models.reload().interval());
    }
    return live;
  }

  /** The one owner of the classifier in force, which the narrative catalogue also changes. */
  public ClassifierInForce inForce() {
    return inForce;
  }

  @Override
  public ModelInfo current() {
    return info;
  }

  @Override
  public ModelReload reload() {
    String previous = info.version();
    if (directory == null) {
      return refused(previous, Duration.ZERO, "models.directory is not set: the bundled model cannot be reloaded");
    }
    synchronized (loading) {
      ModelFingerprint now;
      try {
        now = ModelFingerprint.of(directory);
      } catch (IOException e) {
        LOG.warn("Models: cannot read {}; keeping {} in force: {}", directory, previous, e.toString());
        return refused(previous, Duration.ZERO, "cannot read " + directory + ": " + e);
      }
      seen = now;
      return load(now);
    }
  }

  /**
   * Looks at the directory once, as the background thread does every interval: loads it if it changed since the
   * last look.
   *
   * @return what the load did, or null if nothing changed (or the directory cannot be read now)
   */
  public ModelReload poll() {
    if (directory == null) {
      return null;
    }
    synchronized (loading) {
      ModelFingerprint now;
      try {
        now = ModelFingerprint.of(directory);
      } catch (IOException e) {
        // A symlink may dangle for a moment during a careless swap: say so once, keep the models in force.
        if (!e.toString().equals(unreadable)) {
          unreadable = e.toString();
          LOG.warn("Models: cannot read {}; keeping {} in force: {}", directory, info.version(), unreadable);
        }
        return null;
      }
      unreadable = null;
      if (now.equals(seen)) {
        return null;
      }
      seen = now;
      return load(now);
    }
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.warn("Models: the check of {} failed; keeping {} in force: {}", directory, info.version(), e.toString());
    }
  }

  /** Loads, checks and swaps in the directory at this fingerprint; called holding {@link #loading}. */
  private ModelReload load(ModelFingerprint at) {
    String previous = info.version();
    long start = System.nanoTime();
    Classifier loaded;
    try {
      ModelCheck.beforeLoading(at.realPath());
      loaded = loader.apply(at.realPath());
      ModelCheck.afterLoading(loaded);
      inForce.swapBase(loaded);
    } catch (RuntimeException e) {
      String reason = e.getMessage() != null ? e.getMessage() : e.toString();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      LOG.warn("Models: refused {} ({}); keeping {} in force", at.realPath(), reason, previous);
      return refused(previous, took, reason);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    info = new ModelInfo(loaded.modelVersion(), at.realPath(), clock.instant(), watched);
    LOG.info("Models: {} in force (was {}), loaded from {} in {} ms", loaded.modelVersion(), previous,
        at.realPath(), took.toMillis());
    return new ModelReload(ModelReload.Outcome.SWAPPED, previous, loaded.modelVersion(), took, null);
  }

  private ModelReload refused(String previous, Duration took, String reason) {
    return new ModelReload(ModelReload.Outcome.REFUSED, previous, previous, took, reason);
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.shutdownNow();
    }
  }
}
