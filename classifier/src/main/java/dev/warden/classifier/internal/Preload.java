package dev.warden.classifier.internal;

import dev.warden.classifier.ClassificationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A value built once, on first use or earlier in the background: loading the classifier reads the label models
 * while the language model and the narrative index are built on their own threads (two cores cut the cold start by
 * about a third). Whoever asks first runs the build if nobody has started it; everyone else waits for it. A failed
 * build fails every use with its own exception, as a failed static initialiser would.
 *
 * <p>Thread-safe; no ThreadLocals, and the background thread ends with the build.
 */
final class Preload<T> {
  private final FutureTask<T> task;
  private final String name;

  Preload(String name, Supplier<T> build) {
    this.name = name;
    this.task = new FutureTask<>(build::get);
  }

  /** Starts the build on a daemon thread, unless it has started already. */
  void start() {
    if (!task.isDone()) {
      Thread thread = new Thread(task, "warden-load-" + name);
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** The value: built here if nobody has started it, else waited for. */
  T get() {
    task.run();
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClassificationException("interrupted while loading the " + name, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new ClassificationException("could not load the " + name + ": " + cause, cause);
    }
  }
}
