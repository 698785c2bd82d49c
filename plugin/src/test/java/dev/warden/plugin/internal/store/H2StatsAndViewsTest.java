package dev.warden.plugin.internal.store;

import dev.warden.plugin.StoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The stats and saved views on an H2 file database in a fresh directory per test. */
class H2StatsAndViewsTest extends StatsAndViewsContract {
  @TempDir Path dir;

  @Override
  protected StoreConfig createDatabase() {
    return new StoreConfig("jdbc:h2:file:" + dir.resolve("warden"), "", "", 4);
  }

  @Override
  protected void dropDatabase() {
    // @TempDir removes the files.
  }
}
