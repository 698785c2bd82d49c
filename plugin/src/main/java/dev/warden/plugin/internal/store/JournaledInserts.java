package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.StoreException;
import dev.warden.plugin.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the H2 commit of a new held or rejected comment off the request: the comment is appended to an
 * {@link InsertJournal} beside the H2 file (as durable as the H2 commit it replaces: both reach the OS page cache
 * before the answer, neither is fsync'd), and one writer thread inserts what is journaled, in batches, and marks it
 * done. Measured in issue #7: an H2 commit writes a ~37 KB chunk and waits whenever a compaction slice runs, which
 * put 3 to 6 ms on the p99 of comment posts; a journal append is a ~2 KB write.
 *
 * <p>Reads stay consistent: every other transaction on the store first waits until what was journaled before it
 * began is committed (the {@link Database.Fence}), so the status link a poster follows at once, a moderator's queue
 * and an approval all see the comment. On start, records a killed process left undone are inserted (those already
 * in the store are skipped). A record the store refuses three times is set aside in {@code <journal>.failed} and
 * logged at ERROR: kept on disk for the operator, never silently dropped. Thread-safe.
 */
final class JournaledInserts implements Database.Fence, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JournaledInserts.class);
  private static final int MAX_BATCH = 64;
  /** Past this many waiting inserts a post waits for the writer, so that a store that cannot keep up pushes back. */
  private static final int MAX_QUEUED = 2_000;
  private static final int ATTEMPTS = 3;
  private static final Duration RETRY = Duration.ofSeconds(1);
  /**
   * The journal in use for each H2 file in this JVM. A second store opened on the same file (a test's "second
   * node", or two web applications sharing one embedded database) must not append to the same journal or replay it
   * under the first: it saves synchronously instead, and its transactions wait for the first one's journal.
   */
  private static final ConcurrentHashMap<Path, JournaledInserts> ACTIVE = new ConcurrentHashMap<>();
  private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(10);

  private final Database db;
  private final InsertJournal journal;
  private final Path key;
  private final Duration fenceTimeout;
  private final Duration retryAfter;
  private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
  private final Object journalLock = new Object();
  private final Object progress = new Object();
  private final Thread writer;
  /** Sequence number of the last comment journaled; written holding {@link #journalLock}. */
  private volatile long journaled;
  /** Sequence number up to which every journaled comment is committed. */
  private volatile long committed;
  private volatile boolean closing;
  private volatile long closeDeadline = Long.MAX_VALUE;

  private JournaledInserts(Database db, InsertJournal journal, Path key, Duration fenceTimeout,
      Duration retryAfter) {
    this.db = db;
    this.journal = journal;
    this.key = key;
    this.fenceTimeout = fenceTimeout;
    this.retryAfter = retryAfter;
    this.writer = new Thread(this::writeForever, "warden-journaled-inserts");
    this.writer.setDaemon(true);
  }

  /** A comment to insert with the id, status and status-token hash it was acknowledged with. */
  record JournaledComment(String id, CommentStatus status, String statusTokenHash, NewComment comment) {}

  private record Entry(long sequence, long journalEnd, JournaledComment comment) {}

  /**
   * Opens the journal at {@code file}, inserts what a previous process left undone, starts the writer and fences
   * {@code db}'s other transactions behind it. If another store in this JVM already journals into {@code file},
   * only fences {@code db} behind that one and returns empty: this store then saves synchronously.
   *
   * @param fenceTimeout how long a transaction waits for journaled comments before it fails as unavailable
   * @param retryAfter the wait a refused post is told to make ({@code store.outage-retry})
   * @throws StoreException naming the file if it cannot be read or replayed
   */
  static Optional<JournaledInserts> start(Database db, Path file, Duration fenceTimeout, Duration retryAfter) {
    Path key = file.toAbsolutePath().normalize();
    synchronized (ACTIVE) {
      JournaledInserts first = ACTIVE.get(key);
      if (first != null) {
        db.fence(first);
        return Optional.empty();
      }
      JournaledInserts inserts = new JournaledInserts(db, openAndReplay(db, key), key, fenceTimeout, retryAfter);
      inserts.writer.start();
      db.fence(inserts);
      ACTIVE.put(key, inserts);
      return Optional.of(inserts);
    }
  }

  private static InsertJournal openAndReplay(Database db, Path file) {
    InsertJournal journal;
    try {
      journal = InsertJournal.open(file);
    } catch (IOException e) {
      throw new StoreException("cannot open the insert journal " + file + ": " + e.getMessage(), e);
    }
    try {
      replay(db, journal);
      return journal;
    } catch (IOException | RuntimeException e) {
      closeQuietly(journal);
      throw new StoreException("cannot replay the insert journal " + file + ": " + e.getMessage(), e);
    }
  }

  private static void replay(Database db, InsertJournal journal) throws IOException {
    List<byte[]> undone = journal.undone();
    if (!undone.isEmpty()) {
      int applied = db.inTransaction("replay the insert journal", c -> {
        int inserted = 0;
        for (byte[] payload : undone) {
          JournaledComment comment = JsonCodec.read(payload, JournaledComment.class);
          if (CommentRows.find(c, comment.id()).isEmpty()) {
            insert(c, comment);
            inserted++;
          }
        }
        return inserted;
      });
      LOG.info("Insert journal {}: left undone by the last run: {}; inserted now (the rest were in the store): {}",
          journal.file(), undone.size(), applied);
    }
    journal.clear();
  }

  private static void insert(Connection c, JournaledComment comment) throws SQLException {
    NewComment value = comment.comment();
    CommentRows.insert(c, comment.id(), value, comment.status(), value.receivedAt(), comment.statusTokenHash());
  }

  /**
   * Journals a comment and queues its insert; returns once the journal holds it.
   *
   * @throws StoreUnavailableException if the journal cannot be written (a full disk), or the writer is so far
   *     behind that a wait for it times out: the comment is then not journaled and must not be acknowledged
   */
  void submit(JournaledComment comment) {
    if (queue.size() > MAX_QUEUED) {
      await(); // before the append: a post refused here must not be journaled, or a retry would store it twice
    }
    byte[] payload = JsonCodec.bytes(comment);
    synchronized (journalLock) {
      if (closing) {
        throw new StoreUnavailableException("the store is shutting down", retryAfter, null);
      }
      long end;
      try {
        end = journal.append(payload);
      } catch (IOException e) {
        throw new StoreUnavailableException("cannot write the insert journal " + journal.file() + ": "
            + e.getMessage(), retryAfter, e);
      }
      long sequence = journaled + 1;
      queue.add(new Entry(sequence, end, comment));
      journaled = sequence;
    }
  }

  /** Waits until every comment journaled before this call is committed (the writer itself never waits). */
  @Override
  public void await() {
    long target = journaled;
    if (committed >= target || Thread.currentThread() == writer) {
      return;
    }
    long deadline = System.nanoTime() + fenceTimeout.toNanos();
    synchronized (progress) {
      while (committed < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new StoreUnavailableException("new comments are not yet in the store after " + fenceTimeout,
              retryAfter, null);
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StoreUnavailableException("interrupted while waiting for new comments to be stored", retryAfter,
              e);
        }
      }
    }
  }

  private void writeForever() {
    List<Entry> batch = new ArrayList<>();
    while (true) {
      Entry first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (first == null) {
        if (closing) {
          return;
        }
        continue;
      }
      batch.clear();
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      if (!storeAll(batch)) {
        return; // closing and out of time: what is left stays in the journal for the next start
      }
      done(batch.get(batch.size() - 1));
    }
  }

  /** Inserts a batch in one transaction, or one by one if that fails; false if the store was closed meanwhile. */
  private boolean storeAll(List<Entry> batch) {
    try {
      db.inTransaction("save journaled comments", c -> {
        for (Entry entry : batch) {
          insert(c, entry.comment());
        }
        return null;
      });
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Inserting {} journaled comments failed, trying them one by one: {}", batch.size(), e.toString());
    }
    for (Entry entry : batch) {
      if (!storeOne(entry)) {
        return false;
      }
    }
    return true;
  }

  private boolean storeOne(Entry entry) {
    for (int attempt = 1; ; attempt++) {
      try {
        db.inTransaction("save a journaled comment", c -> {
          // The batch's commit may have reached the store before it failed: never insert twice.
          if (CommentRows.find(c, entry.comment().id()).isEmpty()) {
            insert(c, entry.comment());
          }
          return null;
        });
        return true;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS && setAside(entry, e)) {
          return true;
        }
        if (System.nanoTime() > closeDeadline) {
          return false;
        }
        LOG.warn("Inserting journaled comment {} failed (attempt {}): {}", entry.comment().id(), attempt,
            e.toString());
        pause();
      }
    }
  }

  private boolean setAside(Entry entry, RuntimeException cause) {
    Path failed = journal.file().resolveSibling(journal.file().getFileName() + ".failed");
    try {
      byte[] line = (new String(JsonCodec.bytes(entry.comment()), StandardCharsets.UTF_8) + "\n")
          .getBytes(StandardCharsets.UTF_8);
      Files.write(failed, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      LOG.error("Comment {} was acknowledged but the store refused it {} times ({}); it is kept in {}",
          entry.comment().id(), ATTEMPTS, cause.toString(), failed);
      return true;
    } catch (IOException e) {
      LOG.error("Comment {} could not be stored nor set aside in {}: {}", entry.comment().id(), failed, e.toString());
      return false;
    }
  }

  private void done(Entry last) {
    synchronized (journalLock) {
      try {
        journal.markDone(last.journalEnd());
      } catch (IOException e) {
        LOG.warn("Cannot mark journaled comments done in {}: {}", journal.file(), e.toString());
      }
    }
    committed = last.sequence();
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops taking comments and waits up to 10 s for the writer to insert what is queued; anything left stays in the
   * journal and is inserted on the next start.
   */
  @Override
  public void close() {
    synchronized (journalLock) {
      closing = true;
    }
    ACTIVE.remove(key, this);
    closeDeadline = System.nanoTime() + DRAIN_ON_CLOSE.toNanos();
    try {
      writer.join(DRAIN_ON_CLOSE.toMillis() + 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      LOG.warn("{} journaled comments were not inserted before shutdown; they stay in {} for the next start",
          queue.size(), journal.file());
    } else {
      synchronized (journalLock) {
        closeQuietly(journal);
      }
    }
  }

  private static void closeQuietly(InsertJournal journal) {
    try {
      journal.close();
    } catch (IOException e) {
      LOG.debug("Closing the insert journal failed: {}", e.toString());
    }
  }
}
