package dev.warden.plugin.internal.store;

import static org.junit.jupiter.api.Assertions.fail;

import dev.warden.plugin.StoreConfig;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on PostgreSQL, in a fresh schema per test. Needs {@code WARDEN_TEST_PG_URL}, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; skipped without it, except on CI
 * ({@code CI=true}), where a missing database is a failure.
 */
class PostgresCommentStoreTest extends CommentStoreContract {
  static final String URL_VARIABLE = "WARDEN_TEST_PG_URL";

  private static String baseUrl;
  private String schema;

  @BeforeAll
  static void failOnCiWithoutPostgres() {
    baseUrl = System.getenv(URL_VARIABLE);
    if ((baseUrl == null || baseUrl.isBlank()) && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("PostgreSQL tests need " + URL_VARIABLE + ", which is required on CI");
    }
  }

  /**
   * The URL from the environment; skips the calling test if unset (each test is reported as skipped with this
   * message, more visible than a silently empty class), fails it on CI.
   */
  static String postgresUrl() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      String message = "PostgreSQL tests need " + URL_VARIABLE
          + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + ", which is required on CI");
      }
      Assumptions.abort(message + "; skipped");
    }
    return url;
  }

  @Override
  protected StoreConfig createDatabase() throws SQLException {
    baseUrl = postgresUrl();
    schema = "warden_test_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    execute("CREATE SCHEMA " + schema);
    String separator = baseUrl.contains("?") ? "&" : "?";
    return new StoreConfig(baseUrl + separator + "currentSchema=" + schema, "", "", 4);
  }

  @Override
  protected void dropDatabase() throws SQLException {
    if (schema == null) {
      return; // skipped before a schema was made
    }
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      s.execute(sql); // schema names are generated here, never user input
    }
  }
}
