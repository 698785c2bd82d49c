package dev.warden.plugin.internal.store;

import dev.warden.plugin.StoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The retention and privacy contract on an H2 file database in a fresh directory per test. */
class H2RetentionAndPrivacyTest extends RetentionAndPrivacyContract {
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
