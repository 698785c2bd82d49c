package dev.warden.plugin.internal.store;

import com.github.benmanes.caffeine.cache.Ticker;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The connection pool of the store, migrated at open, and the one way to run work in a transaction. A connection
 * failure marks the store unavailable for {@code store.outage-retry} ({@link StoreBreaker}), so that during a
 * database outage work fails at once instead of each caller waiting {@code store.connection-timeout} for the pool.
 * Thread-safe.
 */
final class Database implements AutoCloseable {
  static final String MIGRATIONS = "classpath:db/migration/warden";
  static final String HISTORY_TABLE = "warden_schema_history";

  // user:password@ in URL authorities, and password=... in JDBC URL parameters (;, & or ? separated).
  private static final Pattern URL_USER_INFO = Pattern.compile("//[^/@?;]*@");
  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)((?:password|passwd|pwd)\\s*=)[^;&?]*");

  private final HikariDataSource pool;
  private final String safeUrl;
  private final boolean postgres;
  private final StoreBreaker breaker;
  private final H2FileCompaction compaction;
  private volatile Fence fence = () -> { };

  private Database(HikariDataSource pool, String safeUrl, boolean postgres, StoreBreaker breaker,
      H2FileCompaction compaction) {
    this.pool = pool;
    this.safeUrl = safeUrl;
    this.postgres = postgres;
    this.breaker = breaker;
    this.compaction = compaction;
  }

  /**
   * Opens the pool and migrates the schema; fails fast with a {@link StoreException} naming the URL.
   *
   * @param ticker times the outage retry: real time in production, since the pool's waits are real too
   */
  static Database open(StoreConfig config, Ticker ticker) {
    String safeUrl = redact(config.url());
    HikariDataSource pool = connect(config, safeUrl);
    try {
      migrate(pool, safeUrl, config.password());
      StoreBreaker breaker = new StoreBreaker(safeUrl, config.outageRetry(), config.connectionTimeout(), ticker,
          failure -> rootMessage(failure, config.password()));
      H2FileCompaction compaction = isEmbeddedH2File(config.url()) ? startCompaction(pool, safeUrl) : null;
      return new Database(pool, safeUrl, isPostgres(pool, safeUrl), breaker, compaction);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static H2FileCompaction startCompaction(HikariDataSource pool, String safeUrl) {
    try {
      return H2FileCompaction.start(pool);
    } catch (SQLException e) {
      throw new StoreException("cannot prepare the H2 file of " + safeUrl + " (SQLState " + e.getSQLState() + ")", e);
    }
  }

  private static HikariDataSource connect(StoreConfig config, String safeUrl) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("warden-store");
    hikari.setJdbcUrl(durableUrl(config.url()));
    // In a servlet container DriverManager may not see the drivers in WEB-INF/lib (Tomcat initialises it before
    // any web application exists), so name the driver on our own class path that takes the URL.
    driverFor(config.url()).ifPresent(hikari::setDriverClassName);
    // Only set credentials that were given: an empty user would override a user= parameter in the URL.
    if (!config.username().isEmpty()) {
      hikari.setUsername(config.username());
    }
    if (!config.password().isEmpty()) {
      hikari.setPassword(config.password());
    }
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(Math.min(1, config.poolSize()));
    hikari.setAutoCommit(false);
    // Short, so that a post notices an outage within about this time (then the breaker answers at once). A busy
    // but healthy pool rarely makes a request wait for a connection more than a few milliseconds.
    long timeoutMillis = config.connectionTimeout().toMillis();
    hikari.setConnectionTimeout(timeoutMillis);
    // The liveness check of an idle connection must fit in that wait (HikariCP's floor is 250 ms).
    hikari.setValidationTimeout(Math.max(250, timeoutMillis / 2));
    if (config.url().startsWith("jdbc:h2:")) {
      // H2's default lock wait (1 s) is short for a busy moderation queue; conflicts are resolved by our
      // conditional updates, so waiting a little longer for a row lock is the right trade.
      hikari.setConnectionInitSql("SET LOCK_TIMEOUT 10000");
    }
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to the store at " + safeUrl + ": " + rootMessage(e, config.password()), e);
    }
  }

  /**
   * The URL to open: for an embedded H2 file database, with {@code WRITE_DELAY=0} unless the URL sets it. H2's
   * MVStore otherwise writes committed transactions to its file in the background (default delay 500 ms), so a
   * process killed with {@code kill -9} loses what was committed in its last half second: comments that Warden had
   * already answered 202 to, and approvals already answered 200 (issue #7, DemoCrashTest found this). With 0, each
   * commit reaches the file (the OS page cache) before the answer; a power cut may still lose it, as with any
   * store that does not fsync. In-memory and server-mode ({@code tcp:}/{@code ssl:}) URLs are left alone: the
   * server owns that setting.
   *
   * <p>Also {@code DB_CLOSE_ON_EXIT=FALSE}, unless the URL sets it: H2 otherwise closes the database in its own
   * JVM shutdown hook, which runs at the same time as the container's, so on every ordinary stop (SIGTERM)
   * requests still in flight and Warden's own shutdown found the database closed under them (and H2 left a
   * {@code .trace.db} file with the stack trace in the data directory). Warden closes its pool, and with it the
   * database, when it stops; a process that exits without stopping Warden loses nothing ({@code WRITE_DELAY=0}).
   */
  static String durableUrl(String url) {
    if (!isEmbeddedH2File(url)) {
      return url;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    String durable = lower.contains(";write_delay=") ? url : url + ";WRITE_DELAY=0";
    return lower.contains(";db_close_on_exit=") ? durable : durable + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  /** An H2 database in a file this process opens itself (not in memory, not a server's). */
  static boolean isEmbeddedH2File(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
        && !lower.startsWith("jdbc:h2:ssl:");
  }

  /**
   * Runs one slice of H2 file compaction now (what the scheduled run does); returns the file size, or null for
   * other stores. Tests use it.
   */
  Long compactH2FileSliceNow() throws Exception {
    return compaction == null ? null : compaction.tick();
  }

  private static Optional<String> driverFor(String url) {
    for (Driver driver : ServiceLoader.load(Driver.class, Database.class.getClassLoader())) {
      try {
        if (driver.acceptsURL(url)) {
          return Optional.of(driver.getClass().getName());
        }
      } catch (SQLException e) {
        // A driver that cannot judge the URL is not the one; HikariCP reports a URL no driver takes.
      }
    }
    return Optional.empty();
  }

  private static void migrate(HikariDataSource pool, String safeUrl, String password) {
    try {
      Flyway.configure(Database.class.getClassLoader())
          .dataSource(pool)
          .locations(MIGRATIONS)
          .table(HISTORY_TABLE)
          // A site's schema is usually not empty: baseline it at 0 so that our V1 still runs.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .javaMigrations(new QueueColumnsBackfill())
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          "cannot migrate the store at " + safeUrl + ": " + rootMessage(e, password), e);
    }
  }

  private static boolean isPostgres(HikariDataSource pool, String safeUrl) {
    try (Connection c = pool.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new StoreException("cannot read the database product of " + safeUrl, e);
    }
  }

  /** True on PostgreSQL, where row claims use {@code FOR UPDATE SKIP LOCKED}. */
  boolean isPostgres() {
    return postgres;
  }

  /** The JDBC URL without credentials, for messages. */
  String safeUrl() {
    return safeUrl;
  }

  /** What every transaction waits for before it starts: comments acknowledged but not yet committed. */
  @FunctionalInterface
  interface Fence {
    /** Returns once what was acknowledged before the call is committed; throws a StoreException if it times out. */
    void await();
  }

  /** Makes every later transaction wait for {@code fence} first ({@link JournaledInserts}). */
  void fence(Fence fence) {
    this.fence = Objects.requireNonNull(fence, "fence");
  }

  /** The file of an embedded H2 store that Warden compacts, if that is what this is. */
  Optional<Path> h2StoreFile() {
    return compaction == null ? Optional.empty() : Optional.of(compaction.storeFile());
  }

  /** Work on one connection in one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs work in a transaction and commits it; any failure rolls back and becomes a {@link StoreException}. */
  <T> T inTransaction(String operation, Work<T> work) {
    return inTransaction(operation, null, work);
  }

  /**
   * Runs work like {@link #inTransaction(String, Work)} on a connection first checked with
   * {@code isValid(timeout)}; a dead one is evicted. The health check needs this: a driver may report a broken link
   * with a state the pool does not recognise as fatal, and the pool skips its own check on a connection used
   * within the last half second, so under frequent polling a dead connection would be handed out forever.
   */
  <T> T inCheckedTransaction(String operation, java.time.Duration timeout, Work<T> work) {
    return inTransaction(operation, timeout, work);
  }

  private <T> T inTransaction(String operation, java.time.Duration validity, Work<T> work) {
    fence.await();
    boolean probe = breaker.admit();
    boolean reached = false;
    try {
      T result = onConnection(validity, work);
      reached = true;
      return result;
    } catch (SQLException e) {
      if (ConnectionFailures.isOutage(e, poolFull())) {
        breaker.unreachable(e, probe);
      } else if (!(e instanceof SQLTransientConnectionException)) {
        reached = true; // an SQL error is an answer; a pool timeout of a busy pool is neither
      }
      throw new StoreException("store " + operation + " failed at " + safeUrl + " (SQLState "
          + e.getSQLState() + ")", e);
    } catch (RuntimeException e) {
      reached = true; // our work failed after the database answered
      throw e;
    } finally {
      if (reached) {
        breaker.reached();
      }
    }
  }

  /**
   * True if the pool holds its full number of connections: a pool timeout then means they were all busy, not that
   * the database is gone (broken connections are evicted, so an outage empties the pool). Not whether they are all
   * in use this instant: one may have been returned since the wait timed out.
   */
  private boolean poolFull() {
    HikariPoolMXBean state = pool.getHikariPoolMXBean();
    return state != null && state.getTotalConnections() >= pool.getMaximumPoolSize();
  }

  /** True while a connection failure has marked the store unavailable and no use has reached it since. */
  boolean isMarkedUnavailable() {
    return breaker.isOpen();
  }

  private <T> T onConnection(java.time.Duration validity, Work<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      if (validity != null && !c.isValid((int) Math.max(1, validity.toSeconds()))) {
        pool.evictConnection(c);
        throw new SQLException("the pooled connection is not valid", "08003");
      }
      try {
        T result = work.run(c);
        if (compaction != null) {
          compaction.commit(c);
        } else {
          c.commit();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        if (e instanceof SQLException sql && ConnectionFailures.isOutage(sql, false)) {
          // HikariCP evicts a connection only on SQLState class 08; H2 reports a lost server as 90067, and a broken
          // connection used again within half a second is handed out unchecked, so it would fail every retry.
          pool.evictConnection(c);
        }
        throw e;
      }
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  /** Removes credentials from a JDBC URL. */
  static String redact(String url) {
    String withoutUserInfo = URL_USER_INFO.matcher(url).replaceAll("//");
    return URL_PASSWORD.matcher(withoutUserInfo).replaceAll("$1***");
  }

  private static String rootMessage(Throwable e, String password) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    // Drivers sometimes echo the URL or the connection properties back; never let a password through.
    String safe = redact(message);
    return password.isEmpty() ? safe : safe.replace(password, "***");
  }

  @Override
  public void close() {
    if (compaction != null) {
      compaction.close();
    }
    pool.close();
  }
}
