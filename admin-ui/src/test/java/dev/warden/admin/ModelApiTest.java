package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.classifier.Verdict;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /warden/api/models/reload} and {@code GET /warden/api/models} over real HTTP: admins only, CSRF, the
 * old and new versions on success, the reason on refusal (the models in force stay), and the audit entry.
 */
class ModelApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BUNDLED = "/dev/warden/classifier/model/";

  @TempDir Path dir;
  Path models;
  Path link;
  AdminServer server;

  @BeforeEach
  void start() throws Exception {
    models = Files.createDirectories(dir.resolve("models"));
    link = models.resolve("current");
    Files.createSymbolicLink(link, modelDirectory("v1"));
    server = AdminServer.start(AdminServer.yaml(dir.resolve("data")) + """
        models:
          directory: "%s"
          reload: {watch: false}
        """.formatted(link), context -> { });
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** A copy of the bundled model whose manifest says {@code version}, as {@code train} would write it. */
  Path modelDirectory(String version) throws Exception {
    Path target = Files.createDirectories(models.resolve(version));
    for (String name : Stream.concat(Verdict.LABELS.stream(), Verdict.KINDS.stream()).toList()) {
      try (InputStream in = ModelApiTest.class.getResourceAsStream(BUNDLED + name + ".bin")) {
        Files.copy(in, target.resolve(name + ".bin"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try (InputStream in = ModelApiTest.class.getResourceAsStream(BUNDLED + "manifest.json")) {
      ObjectNode manifest = (ObjectNode) JSON.readTree(in);
      Files.writeString(target.resolve("manifest.json"), manifest.put("version", version).toString());
    }
    return target;
  }

  void swapTo(Path target) throws Exception {
    Path next = models.resolve("current.next");
    Files.createSymbolicLink(next, target);
    Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  Http login(String user) throws Exception {
    Http http = new Http(server.base);
    assertThat(http.login(user, PASSWORD).statusCode()).isEqualTo(200);
    return http;
  }

  @Test
  void onlyAdminsMayReloadOrLook() throws Exception {
    swapTo(modelDirectory("v2"));
    Http stranger = new Http(server.base);
    stranger.csrf = "none";
    for (Http http : List.of(login("moderator"), login("publisher"), stranger)) {
      int expected = http == stranger ? 401 : 403;
      assertThat(http.postWithCsrf("/warden/api/models/reload", "{}").statusCode()).isEqualTo(expected);
      assertThat(http.get("/warden/api/models").statusCode()).isEqualTo(expected);
    }
    assertThat(server.warden.classifier().modelVersion()).isEqualTo("v1");
  }

  @Test
  void aReloadWithoutTheCsrfTokenIsRefused() throws Exception {
    swapTo(modelDirectory("v2"));
    Http chief = login("chief");

    HttpResponse<String> response = chief.post("/warden/api/models/reload", "{}", "Content-Type",
        "application/json");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).get("error").asText()).isEqualTo("csrf");
    assertThat(server.warden.classifier().modelVersion()).isEqualTo("v1");
  }

  @Test
  void aReloadAnswersTheOldAndNewVersionsAndIsAudited() throws Exception {
    Http chief = login("chief");
    assertThat(json(chief.get("/warden/api/models")).get("version").asText()).isEqualTo("v1");
    Path v2 = modelDirectory("v2");
    swapTo(v2);

    HttpResponse<String> response = chief.postWithCsrf("/warden/api/models/reload", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("outcome").asText()).isEqualTo("swapped");
    assertThat(body.get("previousVersion").asText()).isEqualTo("v1");
    assertThat(body.get("version").asText()).isEqualTo("v2");
    assertThat(body.get("loadMillis").asLong()).isPositive();
    assertThat(body.at("/model/directory").asText()).isEqualTo(v2.toRealPath().toString());
    assertThat(body.at("/model/watched").asBoolean()).isFalse();
    assertThat(server.warden.classifier().modelVersion()).isEqualTo("v2");
    JsonNode audit = json(chief.get("/warden/api/audit?action=model_reload")).get("items");
    assertThat(audit).singleElement().satisfies(e -> {
      assertThat(e.get("actor").asText()).isEqualTo("chief");
      assertThat(e.get("detail").asText()).isEqualTo("v1 -> v2");
    });
  }

  @Test
  void aBrokenDirectoryIsA422WithTheReasonAndTheModelsInForceStay() throws Exception {
    Path v2 = modelDirectory("v2");
    Files.write(v2.resolve("abuse.bin"), new byte[] {1, 2, 3});
    swapTo(v2);
    Http chief = login("chief");

    HttpResponse<String> response = chief.postWithCsrf("/warden/api/models/reload", "{}");

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode body = json(response);
    assertThat(body.get("error").asText()).isEqualTo("model_refused");
    assertThat(body.get("message").asText()).contains("abuse.bin");
    assertThat(body.get("outcome").asText()).isEqualTo("refused");
    assertThat(body.get("previousVersion").asText()).isEqualTo("v1");
    assertThat(body.get("version").asText()).isEqualTo("v1");
    assertThat(json(chief.get("/warden/api/models")).get("version").asText()).isEqualTo("v1");
    assertThat(server.warden.classifier().modelVersion()).isEqualTo("v1");
  }
}
