package dev.warden.plugin.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded H2 file store both crash-safe and compact. Warden opens such a store with {@code WRITE_DELAY=0},
 * so that every commit is in the file before a comment is acknowledged; H2's MVStore then writes one chunk per commit
 * (about 40 KB for a held comment, whose row touches a dozen indexes) and switches off the background writer that
 * would otherwise compact the file. Measured in issue #7:
 *
 * <ul>
 *   <li>without compaction the file grew by a chunk per held comment and never shrank (1.8 GB in a 30-minute soak);
 *   <li>one {@code MVStore.compactFile(500 ms)} every 10 s, the first fix, stopped writers for up to 0.6 s and put
 *       that pause into the p99 of held comments (+262 ms at 150 requests/s);
 *   <li>whenever H2 wrote a commit's chunk over space freed by older chunks, a {@code kill -9} could lose the last
 *       acknowledged commits: on reopening, H2 fell back to an older version (H2CompactionCrashTest: 1 to 13 rows
 *       lost in 9 of 20 kills with freed space reused at once, 2 rows in 1 of 20 with H2's default 45 s retention;
 *       none in 20 with reuse off).
 * </ul>
 *
 * <p>So commits only ever append to the file (space reuse off), and every {@link #INTERVAL} one {@link #tick()}
 * reclaims space in a bounded slice while no commit runs: it rewrites the live pages of at most {@link #REWRITE}
 * out of sparse chunks, so that whole chunks fall dead, then moves {@link #MOVE} of chunks (more when commits
 * appended more) into the freed space (H2 syncs the file to disk before it overwrites anything there) and truncates
 * the end. Commits wait for a slice (about 10 ms, at most tens of ms, measured at 50 held comments a second) instead
 * of half a second. It uses H2's engine classes, which the JDBC API does not expose; a tick that fails (another H2
 * version) is logged once at WARN and compaction stops. Thread-safe.
 */
final class H2FileCompaction implements AutoCloseable {
  static final Duration INTERVAL = Duration.ofMillis(500);
  /** Bytes of live pages one slice may rewrite out of sparse chunks. */
  static final int REWRITE = 512 * 1024;
  /**
   * Bytes of chunks one slice may move at least. A slice moves three times what commits appended since the last one
   * if that is more (up to {@link #MAX_MOVE}): with a fixed 2 MB the file grew by 100 MB every 30 s in a soak that
   * held 47 comments a second (each appending a ~70 KB chunk).
   */
  static final long MOVE = 2L * 1024 * 1024;
  static final long MAX_MOVE = 64L * 1024 * 1024;
  /** Chunks whose live share is below this are rewritten; the file is shrunk while its fill is below it. */
  static final int TARGET_FILL_PERCENT = 90;
  private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

  private final DataSource pool;
  private final Path storeFile;
  /** Commits hold it shared, a slice exclusively: space is only reused while no commit is being written. */
  private final ReentrantReadWriteLock slices = new ReentrantReadWriteLock();
  /** The file size after the last slice; only read and written holding {@link #slices} exclusively. */
  private long sizeAfterLastSlice;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "warden-h2-compaction");
    thread.setDaemon(true);
    return thread;
  });

  private H2FileCompaction(DataSource pool, Path storeFile) {
    this.pool = pool;
    this.storeFile = storeFile;
  }

  /** Switches the store behind {@code pool} to append-only commits and starts a slice every {@link #INTERVAL}. */
  static H2FileCompaction start(DataSource pool) throws SQLException {
    MVStore store = mvStore(pool);
    H2FileCompaction compaction = new H2FileCompaction(pool, Path.of(store.getFileStore().getFileName()));
    store.getFileStore().setReuseSpace(false);
    long every = INTERVAL.toMillis();
    compaction.worker.scheduleWithFixedDelay(compaction::tickQuietly, every, every, TimeUnit.MILLISECONDS);
    return compaction;
  }

  /** The H2 file ({@code .mv.db}) this compacts. */
  Path storeFile() {
    return storeFile;
  }

  /** Commits {@code connection}'s transaction, never while a slice runs. */
  void commit(Connection connection) throws SQLException {
    slices.readLock().lock();
    try {
      connection.commit();
    } finally {
      slices.readLock().unlock();
    }
  }

  /** One slice of compaction, what the scheduled run does; returns the file size afterwards in bytes. */
  long tick() throws SQLException {
    MVStore store = mvStore(pool);
    slices.writeLock().lock();
    try {
      return slice(store);
    } finally {
      slices.writeLock().unlock();
    }
  }

  private long slice(MVStore store) {
    FileStore<?> file = store.getFileStore();
    long appended = Math.max(0, file.size() - sizeAfterLastSlice);
    // Reuse is safe here: no commit runs, and what H2 moves it syncs before overwriting the old place.
    file.setRetentionTime(0);
    file.setReuseSpace(true);
    try {
      file.compact(TARGET_FILL_PERCENT, REWRITE);
      store.commit(); // the rewritten pages are only in memory until a commit writes them
      if (file instanceof RandomAccessStore randomAccess) {
        randomAccess.compactMoveChunks(TARGET_FILL_PERCENT, Math.min(MAX_MOVE, Math.max(MOVE, 3 * appended)), store);
      }
    } finally {
      file.setReuseSpace(false);
    }
    sizeAfterLastSlice = file.size();
    return sizeAfterLastSlice;
  }

  private static MVStore mvStore(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
    }
  }

  private void tickQuietly() {
    try {
      long size = tick();
      LOG.trace("H2 store compaction slice done; file {} bytes", size);
    } catch (SQLException | RuntimeException | LinkageError e) {
      LOG.warn("H2 store compaction failed and is switched off; the store file may grow: {}", e.toString());
      worker.shutdown();
    }
  }

  /**
   * Stops compacting and waits for a running slice to end (it must not be interrupted: an interrupt during
   * {@code FileChannel} I/O closes the channel, and H2 then closes the whole store as failed). Space reuse is
   * switched back on, so that H2's own compaction when the database closes can shrink the file.
   */
  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("H2 store compaction did not finish a slice within 10 s of shutdown");
      }
      mvStore(pool).getFileStore().setReuseSpace(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("H2 store left append-only at shutdown: {}", e.toString());
    }
  }
}
