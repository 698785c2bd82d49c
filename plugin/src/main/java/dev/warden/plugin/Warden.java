package dev.warden.plugin;

import dev.warden.plugin.store.ArticleRegistry;
import dev.warden.plugin.store.HeldCommentStore;
import jakarta.servlet.ServletContext;

/**
 * The running Warden of one web application: configuration, classifier, store, article registry and release
 * outbox. The filter and the admin UI share one instance per servlet context (stored as the context attribute
 * {@link #CONTEXT_ATTRIBUTE}). Thread-safe. (Skeleton: the plugin work fills it.)
 */
public final class Warden implements AutoCloseable {
  /** The servlet context attribute under which the running instance is kept. */
  public static final String CONTEXT_ATTRIBUTE = Warden.class.getName();

  /** Starts Warden from a config: opens the store (migrating it), loads the classifier, starts the outbox. */
  public static Warden start(WardenConfig config) {
    throw new UnsupportedOperationException("not yet");
  }

  /** True if a warden.yaml can be located for this context (init/context param, system property, env). */
  public static boolean isConfigured(ServletContext context) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The instance of this context, started on first use from the located config. */
  public static Warden forContext(ServletContext context) {
    throw new UnsupportedOperationException("not yet");
  }

  public WardenConfig config() {
    throw new UnsupportedOperationException("not yet");
  }

  public HeldCommentStore comments() {
    throw new UnsupportedOperationException("not yet");
  }

  public ArticleRegistry articles() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Asks the release outbox to look for due deliveries now (call after an approval). */
  public void wakeReleaser() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void close() {}
}
