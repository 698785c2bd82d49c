package dev.warden.plugin.internal.store;

import dev.warden.plugin.StoreConfig;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The stats and saved views on PostgreSQL, in a fresh schema per test; needs {@code WARDEN_TEST_PG_URL} like
 * {@link PostgresCommentStoreTest} (skipped without it, a failure on CI).
 */
class PostgresStatsAndViewsTest extends StatsAndViewsContract {
  private String baseUrl;
  private String schema;

  @Override
  protected StoreConfig createDatabase() throws SQLException {
    baseUrl = PostgresCommentStoreTest.postgresUrl();
    schema = "warden_test_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    execute("CREATE SCHEMA " + schema);
    String separator = baseUrl.contains("?") ? "&" : "?";
    return new StoreConfig(baseUrl + separator + "currentSchema=" + schema, "", "", 4);
  }

  @Override
  protected void dropDatabase() throws SQLException {
    if (schema != null) {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      s.execute(sql); // schema names are generated here, never user input
    }
  }
}
