package dev.warden.plugin.internal.store;

import dev.warden.plugin.StoreConfig;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A fresh PostgreSQL schema for one test, at {@code WARDEN_TEST_PG_URL}; the test is skipped without it (failed on
 * CI), as in {@link PostgresCommentStoreTest}.
 */
final class PgTestSchema {
  private String baseUrl;
  private String schema;

  /** Creates the schema and returns a store config that uses it. */
  StoreConfig create() throws SQLException {
    baseUrl = PostgresCommentStoreTest.postgresUrl();
    schema = "warden_test_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    execute("CREATE SCHEMA " + schema);
    String separator = baseUrl.contains("?") ? "&" : "?";
    return new StoreConfig(baseUrl + separator + "currentSchema=" + schema, "", "", 4);
  }

  /** Drops the schema, if one was made. */
  void drop() throws SQLException {
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
