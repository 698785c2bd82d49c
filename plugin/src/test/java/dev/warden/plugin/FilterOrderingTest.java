package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warden next to the site's own filters, on Jetty: auto-registration puts Warden's filter before every filter the
 * application declares (web.xml order), while a declared {@link ModerationFilter} runs where the site maps it.
 * The site's filter here is a login filter that sets the remote user from its session (a header stands in for
 * it), which Warden's throttle uses as the poster key ({@code throttle.poster-key.order: [user, ip]}).
 */
class FilterOrderingTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ARTICLE = "/articles/peace-talks/comments";

  @TempDir Path dir;
  Path configFile;
  Path unthrottledConfigFile;
  final List<String> siteFilterSaw = new CopyOnWriteArrayList<>();
  TestSite site;

  @BeforeEach
  void writeConfig() throws Exception {
    configFile = dir.resolve("warden.yaml");
    // The throttle's defaults: one comment per poster per 10 s on an ordinary article.
    Files.writeString(configFile, TestConfigs.yaml(dir.resolve("data"), "throttle: {enabled: true}\n"));
    unthrottledConfigFile = dir.resolve("unthrottled.yaml");
    Files.writeString(unthrottledConfigFile, TestConfigs.yaml(dir.resolve("data"), ""));
  }

  @AfterEach
  void stop() throws Exception {
    Closing.all(site);
  }

  HttpResponse<String> post(String user, String text) throws Exception {
    return site.postJson(ARTICLE, JSON.writeValueAsString(Map.of("text", text)), "X-Site-User", user);
  }

  /** The site's filter, declared by the application as web.xml would. */
  void declareSiteLoginFilter(ServletContextHandler context) {
    context.addFilter(new FilterHolder(new SiteLoginFilter(siteFilterSaw)), "/*",
        EnumSet.of(DispatcherType.REQUEST));
  }

  @Test
  void autoRegisteredWardenRunsBeforeTheSiteFiltersAndBothRun() throws Exception {
    site = TestSite.custom(0, c -> {
      c.setInitParameter(ModerationFilter.CONFIG_PARAMETER, unthrottledConfigFile.toString());
      declareSiteLoginFilter(c);
      c.addServletContainerInitializer(new WardenInitializer());
    });

    HttpResponse<String> held = post("alice", TestConfigs.ABUSIVE);
    assertThat(held.statusCode()).isEqualTo(202);
    assertThat(siteFilterSaw).as("Warden answered before the site's filter ran").isEmpty();

    assertThat(post("bob", TestConfigs.BENIGN).statusCode()).isEqualTo(201);
    assertThat(siteFilterSaw).containsExactly("bob");
    assertThat(site.received()).hasSize(1);
  }

  @Test
  void autoRegisteredWardenCannotSeeAUserSetByALaterSiteFilter() throws Exception {
    site = TestSite.custom(0, c -> {
      c.setInitParameter(ModerationFilter.CONFIG_PARAMETER, configFile.toString());
      declareSiteLoginFilter(c);
      c.addServletContainerInitializer(new WardenInitializer());
    });

    assertThat(post("alice", TestConfigs.BENIGN).statusCode()).isEqualTo(201);
    HttpResponse<String> bob = post("bob", "A different reader on the same address, with a different comment.");

    assertThat(bob.statusCode()).as("both readers count as one poster: the address").isEqualTo(429);
  }

  @Test
  void wardenDeclaredAfterTheSiteLoginFilterRunsSecondAndKeysPostersByItsUser() throws Exception {
    site = TestSite.custom(0, c -> {
      declareSiteLoginFilter(c);
      FilterHolder warden = new FilterHolder(ModerationFilter.class);
      warden.setName(WardenInitializer.FILTER_NAME);
      warden.setInitParameter(ModerationFilter.CONFIG_PARAMETER, configFile.toString());
      c.addFilter(warden, "/*", EnumSet.of(DispatcherType.REQUEST));
      c.addServletContainerInitializer(new WardenInitializer()); // finds the declared filter, adds none
    });

    assertThat(post("alice", TestConfigs.BENIGN).statusCode()).isEqualTo(201);
    assertThat(post("bob", "A different reader on the same address, with a different comment.").statusCode())
        .as("bob is his own poster").isEqualTo(201);
    assertThat(post("alice", "Alice again, too soon after her first comment here.").statusCode()).isEqualTo(429);
    HttpResponse<String> held = post("carol", TestConfigs.ABUSIVE);

    assertThat(held.statusCode()).isEqualTo(202);
    assertThat(siteFilterSaw).as("the site's filter ran first on every post, held ones included")
        .containsExactly("alice", "bob", "alice", "carol");
    assertThat(site.context.getServletContext().getFilterRegistrations()).hasSize(2);
  }

  /** A site's login filter: sets the remote user (here from a header standing in for its session). */
  static final class SiteLoginFilter implements Filter {
    private final List<String> saw;

    SiteLoginFilter(List<String> saw) {
      this.saw = saw;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) request;
      String user = http.getHeader("X-Site-User");
      saw.add(String.valueOf(user));
      chain.doFilter(user == null ? request : new HttpServletRequestWrapper(http) {
        @Override
        public String getRemoteUser() {
          return user;
        }
      }, response);
    }
  }
}
