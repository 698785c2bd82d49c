package dev.warden.plugin.internal.store;

import dev.warden.plugin.StoreConfig;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A fresh PostgreSQL schema for one test, at {@code WARDEN_TEST_PG_URL} (see {@link PostgresCommentStoreTest}:
 * skipped without it, failed on CI).
 */
final class PostgresSchema {
  private final String baseUrl;
  private final String name;

  private PostgresSchema(String baseUrl, String name) {
    this.baseUrl = baseUrl;
    this.name = name;
  }

  static PostgresSchema create() throws SQLException {
    String url = PostgresCommentStoreTest.postgresUrl();
    PostgresSchema schema = new PostgresSchema(url,
        "warden_test_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6)));
    schema.execute("CREATE SCHEMA " + schema.name);
    return schema;
  }

  StoreConfig config() {
    String separator = baseUrl.contains("?") ? "&" : "?";
    return new StoreConfig(baseUrl + separator + "currentSchema=" + name, "", "", 4);
  }

  void drop() throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      s.execute(sql); // schema names are generated here, never user input
    }
  }
}
