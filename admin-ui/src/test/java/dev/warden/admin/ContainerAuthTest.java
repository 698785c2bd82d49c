package dev.warden.admin;

import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.HeldComment;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.util.security.Credential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin.auth: container}: the container logs users in; Warden reads the user and roles, keeps CSRF. */
class ContainerAuthTest {
  @TempDir static Path dataDir;
  static AdminServer server;

  @BeforeAll
  static void start() throws Exception {
    String yaml = """
        data-dir: "%s"
        release:
          target: http://127.0.0.1:9
          secret: "0123456789abcdef0123456789abcdef"
          poll-interval: 1h
        admin:
          auth: container
        """.formatted(dataDir.toAbsolutePath());
    server = AdminServer.start(yaml, context -> {
      UserStore users = new UserStore();
      users.addUser("olena", Credential.getCredential("pw-olena"), new String[] {"moderator"});
      users.addUser("pavlo", Credential.getCredential("pw-pavlo"), new String[] {"publisher"});
      HashLoginService login = new HashLoginService("warden");
      login.setUserStore(users);
      ConstraintSecurityHandler security = new ConstraintSecurityHandler();
      security.setLoginService(login);
      security.setAuthenticator(new BasicAuthenticator());
      security.setRoles(Set.of("moderator", "publisher", "admin"));
      ConstraintMapping mapping = new ConstraintMapping();
      mapping.setPathSpec("/warden/api/*");
      mapping.setConstraint(Constraint.from("moderator", "publisher", "admin"));
      security.addConstraintMapping(mapping);
      context.setSecurityHandler(security);
    });
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theContainerUserModeratesWithACsrfTokenFromTheSession() throws Exception {
    HeldComment held = server.hold("container-article", "decided by a container user");
    Http http = new Http(server.base);
    String auth = basic("olena", "pw-olena");

    HttpResponse<String> session = http.get("/warden/api/session", "Authorization", auth);
    assertThat(session.statusCode()).isEqualTo(200);
    JsonNode body = json(session);
    assertThat(body.get("user").asText()).isEqualTo("olena");
    assertThat(body.get("roles").toString()).isEqualTo("[\"moderator\"]");
    String csrf = body.get("csrfToken").asText();

    String approve = "/warden/api/comments/" + held.id() + "/approve";
    assertThat(http.post(approve, null, "Authorization", auth).statusCode()).isEqualTo(403);
    HttpResponse<String> approved = http.post(approve, null, "Authorization", auth, "X-CSRF-Token", csrf);
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(json(approved).get("decidedBy").asText()).isEqualTo("olena");
  }

  @Test
  void rolesComeFromTheContainerAndBuiltinLoginIsOff() throws Exception {
    Http http = new Http(server.base);
    String auth = basic("pavlo", "pw-pavlo");
    assertThat(http.get("/warden/api/queue", "Authorization", auth).statusCode()).isEqualTo(403);
    assertThat(http.post("/warden/api/login", "{\"username\":\"pavlo\",\"password\":\"pw-pavlo\"}",
        "Authorization", auth, "Content-Type", "application/json").statusCode()).isEqualTo(404);
    assertThat(new Http(server.base).get("/warden/api/queue").statusCode()).isEqualTo(401);
  }
}
