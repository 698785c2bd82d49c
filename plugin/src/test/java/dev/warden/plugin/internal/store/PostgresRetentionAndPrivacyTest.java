package dev.warden.plugin.internal.store;

import dev.warden.plugin.StoreConfig;
import java.sql.SQLException;

/** The retention and privacy contract on PostgreSQL, in a fresh schema per test ({@code WARDEN_TEST_PG_URL}). */
class PostgresRetentionAndPrivacyTest extends RetentionAndPrivacyContract {
  private PostgresSchema schema;

  @Override
  protected StoreConfig createDatabase() throws SQLException {
    schema = PostgresSchema.create();
    return schema.config();
  }

  @Override
  protected void dropDatabase() throws SQLException {
    if (schema != null) {
      schema.drop();
    }
  }
}
