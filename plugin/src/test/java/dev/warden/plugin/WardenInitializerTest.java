package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-registration by the ServletContainerInitializer, and the filter declared by the application instead. */
class WardenInitializerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path configFile;

  @BeforeEach
  void writeConfig() throws Exception {
    configFile = dir.resolve("warden.yaml");
    Files.writeString(configFile, TestConfigs.yaml(dir.resolve("data"), ""));
  }

  static String abusive() throws Exception {
    return JSON.writeValueAsString(Map.of("text", TestConfigs.ABUSIVE));
  }

  static Warden wardenOf(TestSite site) {
    return (Warden) site.context.getServletContext().getAttribute(Warden.CONTEXT_ATTRIBUTE);
  }

  @Test
  void initializerInstallsTheFilterAndClosesWardenWithTheContext() throws Exception {
    Warden warden;
    try (TestSite site = TestSite.custom(0, c -> {
      c.setInitParameter(ModerationFilter.CONFIG_PARAMETER, configFile.toString());
      c.addServletContainerInitializer(new WardenInitializer());
    })) {
      HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", abusive());

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(site.received()).isEmpty();
      assertThat(site.context.getServletContext().getFilterRegistration(WardenInitializer.FILTER_NAME)).isNotNull();
      warden = wardenOf(site);
      assertThat(warden.isClosed()).isFalse();
    }
    assertThat(warden.isClosed()).isTrue();
  }

  @Test
  void initializerDoesNothingWithoutAConfig() throws Exception {
    assumeTrue(System.getenv("WARDEN_CONFIG") == null && System.getProperty("warden.config") == null);
    try (TestSite site = TestSite.custom(0, c -> c.addServletContainerInitializer(new WardenInitializer()))) {
      HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", abusive());

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(wardenOf(site)).isNull();
      assertThat(site.context.getServletContext().getFilterRegistrations()).isEmpty();
    }
  }

  @Test
  void filterDeclaredByTheApplicationIsNotInstalledTwice() throws Exception {
    try (TestSite site = TestSite.custom(0, c -> {
      c.setInitParameter(ModerationFilter.CONFIG_PARAMETER, configFile.toString());
      FilterHolder declared = new FilterHolder(ModerationFilter.class);
      declared.setName("site-moderation");
      c.addFilter(declared, "/*", EnumSet.of(DispatcherType.REQUEST));
      c.addServletContainerInitializer(new WardenInitializer());
    })) {
      HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", abusive());

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(site.context.getServletContext().getFilterRegistrations()).containsOnlyKeys("site-moderation");
    }
  }

  @Test
  void declaredFilterStartsWardenFromItsInitParamAndStopsIt() throws Exception {
    Warden warden;
    try (TestSite site = TestSite.custom(0, c -> {
      FilterHolder declared = new FilterHolder(ModerationFilter.class);
      declared.setInitParameter(ModerationFilter.CONFIG_PARAMETER, configFile.toString());
      c.addFilter(declared, "/*", EnumSet.of(DispatcherType.REQUEST));
    })) {
      HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", abusive());

      assertThat(response.statusCode()).isEqualTo(202);
      warden = wardenOf(site);
      assertThat(warden).isNotNull();
    }
    assertThat(warden.isClosed()).isTrue();
  }

  @Test
  void badConfigFailsTheStartInsteadOfRunningUnmoderated() throws Exception {
    Files.writeString(configFile, "release: {secret: short}\n");
    TestSite site = null;
    try {
      site = TestSite.custom(0, c -> {
        c.setInitParameter(ModerationFilter.CONFIG_PARAMETER, configFile.toString());
        c.addServletContainerInitializer(new WardenInitializer());
      });
      HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", abusive());
      assertThat(response.statusCode()).isNotIn(201, 202);
      assertThat(site.received()).isEmpty();
    } catch (Exception e) {
      assertThat(e).hasStackTraceContaining("release.secret");
    } finally {
      if (site != null) {
        site.close();
      }
    }
  }
}
