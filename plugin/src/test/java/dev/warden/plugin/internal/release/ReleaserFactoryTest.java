package dev.warden.plugin.internal.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.ReleaseConfig;
import dev.warden.plugin.WardenConfigException;
import dev.warden.plugin.spi.CommentReleaser;
import dev.warden.plugin.store.ReleaseClaim;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the releaser: the HTTP replay, or exactly one site-provided {@link CommentReleaser}. */
class ReleaserFactoryTest {
  @TempDir Path dir;

  /** A site's own releaser, as a web application would register it. */
  public static final class CmsReleaser implements CommentReleaser {
    @Override
    public void deliver(ReleaseClaim claim) {}
  }

  /** A second one, to make the choice ambiguous. */
  public static final class OtherReleaser implements CommentReleaser {
    @Override
    public void deliver(ReleaseClaim claim) {}
  }

  /** A releaser ServiceLoader cannot make. */
  public static final class NoDefaultConstructor implements CommentReleaser {
    public NoDefaultConstructor(String unused) {}

    @Override
    public void deliver(ReleaseClaim claim) {}
  }

  private static ReleaseConfig config(String strategy) {
    Duration s = Duration.ofSeconds(1);
    return new ReleaseConfig(strategy, URI.create("http://127.0.0.1:8080"), ReleaseOutboxTest.SECRET, s, s, s, s,
        3, s);
  }

  private ClassLoader registering(Class<?>... releasers) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    StringBuilder lines = new StringBuilder();
    for (Class<?> r : releasers) {
      lines.append(r.getName()).append('\n');
    }
    Files.writeString(services.resolve(CommentReleaser.class.getName()), lines);
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void theHttpStrategyReplaysOverHttp() throws IOException {
    assertThat(ReleaserFactory.create(config("http"), registering(CmsReleaser.class)))
        .isInstanceOf(HttpReplayReleaser.class);
  }

  @Test
  void theSpiStrategyLoadsTheSitesOneReleaser() throws IOException {
    assertThat(ReleaserFactory.create(config("spi"), registering(CmsReleaser.class)))
        .isInstanceOf(CmsReleaser.class);
  }

  @Test
  void noRegisteredReleaserIsAStartUpErrorSayingWhatToAdd() throws IOException {
    assertThatThrownBy(() -> ReleaserFactory.create(config("spi"), registering()))
        .isInstanceOf(WardenConfigException.class)
        .hasMessageContaining("release.strategy")
        .hasMessageContaining("META-INF/services/dev.warden.plugin.spi.CommentReleaser");
  }

  @Test
  void severalRegisteredReleasersAreAStartUpErrorNamingThem() throws IOException {
    assertThatThrownBy(() -> ReleaserFactory.create(config("spi"),
        registering(CmsReleaser.class, OtherReleaser.class)))
        .isInstanceOf(WardenConfigException.class)
        .hasMessageContaining("exactly one")
        .hasMessageContaining(CmsReleaser.class.getName())
        .hasMessageContaining(OtherReleaser.class.getName());
  }

  @Test
  void aReleaserThatCannotBeMadeIsAStartUpError() throws IOException {
    assertThatThrownBy(() -> ReleaserFactory.create(config("spi"), registering(NoDefaultConstructor.class)))
        .isInstanceOf(WardenConfigException.class)
        .hasMessageContaining("cannot load");
  }
}
