package dev.warden.plugin.internal.store;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts an embedded H2 file store every 10 seconds. Warden opens such a store with {@code WRITE_DELAY=0}, so that
 * every commit is in the file before a comment is acknowledged; but H2's MVStore then writes one chunk per commit
 * and only compacts in the background writer that {@code WRITE_DELAY=0} switches off. Measured in issue #7: the
 * file grew by about 38 KB per held comment and never shrank (1.8 GB after a 30-minute soak with 36,000 held
 * comments), and the chunk map kept in memory grew with it. {@link MVStore#compactFile(int)} rewrites sparse
 * chunks and moves live ones together, at most {@link #MAX_COMPACT} per run; writes wait during that time. Once a
 * minute (500 ms per run) did not keep up with 46 held comments a second (the file still grew by 80 MB a
 * minute); every 10 s it does, and at a news site's usual rate a run takes milliseconds. It
 * uses H2's engine classes, which the JDBC API does not expose; a run that fails (another H2 version, a server
 * URL) is logged once at WARN and compaction stops. Thread-safe.
 */
final class H2FileCompaction implements AutoCloseable {
  static final Duration INTERVAL = Duration.ofSeconds(10);
  static final Duration MAX_COMPACT = Duration.ofMillis(500);
  private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

  private final DataSource pool;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "warden-h2-compaction");
    thread.setDaemon(true);
    return thread;
  });

  private H2FileCompaction(DataSource pool) {
    this.pool = pool;
  }

  /** Starts compacting the store behind {@code pool} every {@link #INTERVAL}. */
  static H2FileCompaction start(DataSource pool) {
    H2FileCompaction compaction = new H2FileCompaction(pool);
    long every = INTERVAL.toMillis();
    compaction.worker.scheduleWithFixedDelay(compaction::runQuietly, every, every, TimeUnit.MILLISECONDS);
    return compaction;
  }

  /** One compaction; returns the file size afterwards in bytes. */
  long compact() throws Exception {
    try (Connection c = pool.getConnection()) {
      MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
          .getMvStore();
      store.compactFile((int) MAX_COMPACT.toMillis());
      return store.getFileStore().size();
    }
  }

  private void runQuietly() {
    try {
      long size = compact();
      LOG.debug("H2 store compacted; file {} bytes", size);
    } catch (Exception | LinkageError e) {
      LOG.warn("H2 store compaction failed and is switched off; the store file may grow: {}", e.toString());
      worker.shutdown();
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
