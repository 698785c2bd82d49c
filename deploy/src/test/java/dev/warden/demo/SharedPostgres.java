package dev.warden.demo;

import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL schema at {@code WARDEN_TEST_PG_URL} for nodes that share one store. Without the variable the
 * calling test is skipped with a message saying so, except on CI ({@code CI=true}), where it fails.
 */
final class SharedPostgres implements AutoCloseable {
  static final String URL_VARIABLE = "WARDEN_TEST_PG_URL";

  private final String baseUrl;
  private final String schema;

  private SharedPostgres(String baseUrl, String schema) {
    this.baseUrl = baseUrl;
    this.schema = schema;
  }

  static SharedPostgres create() throws SQLException {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      String message = "PostgreSQL tests need " + URL_VARIABLE
          + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + ", which is required on CI");
      }
      Assumptions.abort(message + "; skipped");
    }
    SharedPostgres db = new SharedPostgres(url,
        "warden_nodes_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6)));
    db.execute("CREATE SCHEMA " + db.schema);
    return db;
  }

  /** The store URL every node is given: the base URL in the fresh schema. */
  String storeUrl() {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(storeUrl());
  }

  @Override
  public void close() throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      s.execute(sql); // the schema name is generated here, never user input
    }
  }
}
