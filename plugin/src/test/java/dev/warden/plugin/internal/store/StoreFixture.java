package dev.warden.plugin.internal.store;

import dev.warden.plugin.StoreConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh store per test on a database the subclass provides, with a clock the test moves. Base of the contracts
 * that run on H2 and PostgreSQL alike.
 */
abstract class StoreFixture {
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

  private final List<JdbcCommentStore> opened = new ArrayList<>();
  protected final MutableClock clock = new MutableClock(T0);
  protected StoreConfig config;
  protected JdbcCommentStore store;

  /** A fresh, empty database for one test. */
  protected abstract StoreConfig createDatabase() throws Exception;

  /** Drops what {@link #createDatabase()} made; every store is closed by then. */
  protected abstract void dropDatabase() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    config = createDatabase();
    store = open();
  }

  @AfterEach
  void closeStores() throws Exception {
    opened.forEach(JdbcCommentStore::close);
    dropDatabase();
  }

  protected JdbcCommentStore open() {
    JdbcCommentStore s = JdbcCommentStore.open(config, clock);
    opened.add(s);
    return s;
  }
}
