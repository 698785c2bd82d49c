package dev.warden.plugin.internal.store;

import dev.warden.plugin.StoreConfig;

/** The queue query contract on PostgreSQL ({@code WARDEN_TEST_PG_URL}), in a fresh schema per test. */
class PostgresQueueQueryTest extends QueueQueryContract {
  private final PgTestSchema schema = new PgTestSchema();

  @Override
  protected StoreConfig createDatabase() throws Exception {
    return schema.create();
  }

  @Override
  protected void dropDatabase() throws Exception {
    schema.drop();
  }
}
