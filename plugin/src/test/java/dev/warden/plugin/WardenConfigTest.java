package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WardenConfigTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final String USERS = """
      admin:
        users:
          - name: mod
            roles: [moderator]
            password-hash: "pbkdf2-sha256$1000$c2FsdA==$aGFzaA=="
      """;
  static final String MINIMAL = "release:\n  secret: " + SECRET + "\n" + USERS;

  static UnaryOperator<String> env(Map<String, String> values) {
    return values::get;
  }

  static WardenConfig parse(String yaml) {
    return WardenConfig.parse(yaml, env(Map.of()));
  }

  static WardenConfigException failure(String yaml) {
    try {
      parse(yaml);
    } catch (WardenConfigException e) {
      return e;
    }
    throw new AssertionError("expected a WardenConfigException for:\n" + yaml);
  }

  @Test
  void minimalConfigGetsEveryDefault() {
    WardenConfig config = parse(MINIMAL);

    assertThat(config.endpoints()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("comments");
      assertThat(e.path()).isEqualTo("/articles/{article}/comments");
      assertThat(e.methods()).containsExactly("POST");
      assertThat(e.format()).isEqualTo("auto");
      assertThat(e.returnTo()).isEqualTo("/articles/{article}");
    });
    assertThat(config.limits().maxBody()).isEqualTo(64 * 1024);
    assertThat(config.network().trustedProxies()).isEmpty();
    assertThat(config.defaultPolicy().thresholds("abuse").hold()).isEqualTo(0.7);
    assertThat(config.defaultPolicy().thresholds("disinformation").hold()).isNull();
    assertThat(config.conflictPolicy().thresholds("disinformation").hold()).isEqualTo(0.5);
    assertThat(config.conflictPolicy().onError()).isEqualTo(PolicyConfig.OnError.HOLD);
    assertThat(config.release().pollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.release().maxBackoff()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.release().maxAttempts()).isEqualTo(10);
    assertThat(config.admin().sessionTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.admin().apiToken()).isNull();
    assertThat(config.models().directory()).isNull();
    assertThat(config.models().reload()).isEqualTo(new ModelsConfig.Reload(true, Duration.ofSeconds(10)));
    assertThat(config.dataDir()).isAbsolute().hasFileName("warden-data");
    assertThat(config.store().url()).isEqualTo("jdbc:h2:file:" + config.dataDir().toString().replace('\\', '/')
        + "/warden");
  }

  @Test
  void mappingsMergeOverDefaultsKeyByKey() {
    WardenConfig config = parse(MINIMAL + """
        policies:
          conflict:
            labels:
              abuse: {hold: 0.4}
        """);

    assertThat(config.conflictPolicy().thresholds("abuse").hold()).isEqualTo(0.4);
    assertThat(config.conflictPolicy().thresholds("disinformation").hold()).isEqualTo(0.5);
    assertThat(config.defaultPolicy().thresholds("abuse").hold()).isEqualTo(0.7);
  }

  @Test
  void referencesResolveWithDefaultsAndDataDir(@TempDir Path dir) {
    WardenConfig config = WardenConfig.parse("""
        data-dir: ${DATA:-/nowhere}
        store:
          url: jdbc:h2:file:${data-dir}/db;MODE=${MODE:-Regular}
          username: ${DB_USER}
        release:
          secret: ${SECRET}
        """ + USERS, env(Map.of("DATA", dir.toString(), "DB_USER", "warden", "SECRET", SECRET)));

    assertThat(config.dataDir()).isEqualTo(dir.toAbsolutePath());
    assertThat(config.store().url()).isEqualTo("jdbc:h2:file:" + dir.toString().replace('\\', '/')
        + "/db;MODE=Regular");
    assertThat(config.store().username()).isEqualTo("warden");
    assertThat(config.release().secret()).isEqualTo(SECRET);
  }

  @Test
  void storeFailsFastOnAnOutageByDefaultAndTheTimingsCanBeSet() {
    StoreConfig defaults = WardenConfig.parse(MINIMAL, env(Map.of())).store();
    assertThat(defaults.connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.outageRetry()).isEqualTo(Duration.ofSeconds(1));

    StoreConfig set = WardenConfig.parse(MINIMAL + "store: {connection-timeout: 250ms, outage-retry: 5s}\n",
        env(Map.of())).store();
    assertThat(set.connectionTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(set.outageRetry()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void systemPropertiesAreLookedUpBeforeTheEnvironment() {
    System.setProperty("WARDEN_TEST_SECRET", SECRET);
    try {
      WardenConfig config = WardenConfig.parse("release:\n  secret: ${WARDEN_TEST_SECRET}\n" + USERS);
      assertThat(config.release().secret()).isEqualTo(SECRET);
    } finally {
      System.clearProperty("WARDEN_TEST_SECRET");
    }
  }

  @Test
  void loadedFileResolvesRelativeDataDirAgainstItsDirectory(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("warden.yaml");
    Files.writeString(file, "data-dir: data\n" + MINIMAL);

    assertThat(WardenConfig.load(file).dataDir()).isEqualTo(dir.toAbsolutePath().resolve("data"));
  }

  @Test
  void durationsAndSizesAcceptEveryDocumentedForm() {
    WardenConfig config = parse(MINIMAL + """
        limits: {max-body: 1MiB}
        release:
          poll-interval: 500ms
          lease: PT45S
          initial-backoff: 1m
          max-backoff: 1h
          request-timeout: 30s
        """.replace("release:\n", "release:\n  secret: " + SECRET + "\n"));

    assertThat(config.limits().maxBody()).isEqualTo(1024 * 1024);
    assertThat(config.release().pollInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.release().lease()).isEqualTo(Duration.ofSeconds(45));
    assertThat(config.release().initialBackoff()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.release().maxBackoff()).isEqualTo(Duration.ofHours(1));
    assertThat(config.release().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void endpointFieldsFallBackToDefaults() {
    WardenConfig config = parse(MINIMAL + """
        endpoints:
          - name: api
            path: /api/comments
            format: json
            article: field:articleId
        """);

    EndpointConfig api = config.endpoints().get(0);
    assertThat(api.methods()).containsExactly("POST");
    assertThat(api.textField()).isEqualTo("text");
    assertThat(api.articleFromField()).isTrue();
    assertThat(api.articleSource()).isEqualTo("articleId");
    assertThat(api.returnTo()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      store.colour                           | store: {colour: red}
      surprise                               | 'surprise: true'
      policies.default.labels.abuse.hold     | 'policies: {default: {labels: {abuse: {hold: 1.5}}}}'
      policies.conflict.labels.abuse.reject  | 'policies: {conflict: {labels: {abuse: {hold: 0.6, reject: 0.5}}}}'
      policies.default.labels.spam           | 'policies: {default: {labels: {spam: {hold: 0.5}}}}'
      policies.default.on-error              | 'policies: {default: {on-error: shrug}}'
      network.trusted-proxies[1]             | 'network: {trusted-proxies: [10.0.0.0/8, 10.0.0.0/33]}'
      network.trusted-proxies[0]             | 'network: {trusted-proxies: [proxy.example.com]}'
      endpoints[c].path                      | 'endpoints: [{name: c, path: "/a/{x/comments"}]'
      endpoints[c].path                      | 'endpoints: [{name: c, path: articles/comments}]'
      endpoints[c].article                   | 'endpoints: [{name: c, path: "/a/{slug}/comments", article: "{id}"}]'
      endpoints[c].return-to                 | 'endpoints: [{name: c, path: "/a/{slug}", article: "{slug}", return-to: "/b/{x}"}]'
      endpoints[c].format                    | 'endpoints: [{name: c, path: "/a/{article}", format: xml}]'
      endpoints[c].verb                      | 'endpoints: [{name: c, path: "/a/{article}", verb: POST}]'
      endpoints[c].name                      | 'endpoints: [{name: c, path: "/a/{article}"}, {name: c, path: "/b/{article}"}]'
      endpoints                              | 'endpoints: []'
      limits.max-body                        | 'limits: {max-body: 64KB}'
      release.poll-interval                  | 'release: {secret: $S, poll-interval: soon}'
      release.max-attempts                   | 'release: {secret: $S, max-attempts: 0}'
      release.request-timeout                | 'release: {secret: $S, lease: 10s, request-timeout: 10s}'
      release.strategy                       | 'release: {secret: $S, strategy: carrier-pigeon}'
      release.target                         | 'release: {secret: $S, target: "ftp://example.com"}'
      store.url                              | 'store: {url: "postgres://db"}'
      store.pool-size                        | 'store: {pool-size: 0}'
      store.pool-size                        | 'store: {pool-size: 1}'
      store.connection-timeout               | 'store: {connection-timeout: 100ms}'
      store.connection-timeout               | 'store: {connection-timeout: 2m}'
      store.connection-timeout               | 'store: {connection-timeout: quickly}'
      store.outage-retry                     | 'store: {outage-retry: 0s}'
      store.outage-retry                     | 'store: {outage-retry: 1h}'
      admin.auth                             | 'admin: {auth: ldap}'
      articles.conflict.paths[0]             | 'articles: {conflict: {paths: ["war-*"]}}'
      articles.conflict.colour               | 'articles: {conflict: {colour: red}}'
      articles.conflict.keywords[1]          | 'articles: {conflict: {keywords: [ukraine, "two words"]}}'
      models.directory                       | 'models: {directory: /no/such/model/dir}'
      models.narratives[0]                   | 'models: {narratives: [/no/such/catalogue.yaml]}'
      models.narratives                      | 'models: {narratives: extra-narratives.yaml}'
      models.reload.interval                 | 'models: {reload: {interval: 500ms}}'
      models.reload.interval                 | 'models: {reload: {interval: 2h}}'
      models.reload.interval                 | 'models: {reload: {interval: soon}}'
      models.reload.watch                    | 'models: {reload: {watch: sometimes}}'
      models.reload.every                    | 'models: {reload: {every: 5s}}'
      policies.conflict.labels.threat.hold   | 'policies: {conflict: {labels: {threat: {hold: 1.2}}}}'
      policies.default.labels.identity_attack.reject | 'policies: {default: {labels: {identity_attack: {hold: 0.5, reject: 0.4}}}}'
      policies.default.labels.hate           | 'policies: {default: {labels: {hate: {hold: 0.5}}}}'
      policies.conflict.on-unsupported-language | 'policies: {conflict: {on-unsupported-language: translate}}'
      """)
  void badValueNamesItsKey(String key, String yaml) {
    String base = yaml.startsWith("release") ? USERS : MINIMAL;
    WardenConfigException e = failure(base + yaml.replace("$S", SECRET));

    assertThat(e.key()).isEqualTo(key);
    assertThat(e.getMessage()).contains(key);
  }

  @Test
  void modelReloadCanBeTurnedOffOrSlowedDown() {
    ModelsConfig.Reload reload = parse(MINIMAL + "models: {reload: {watch: false, interval: 5m}}\n").models().reload();

    assertThat(reload.watch()).isFalse();
    assertThat(reload.interval()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void thresholdsAreAcceptedForEveryAbuseKind() {
    WardenConfig config = parse(MINIMAL + """
        policies:
          conflict:
            labels:
              threat: {hold: 0.4}
              identity_attack: {hold: 0.5, reject: 0.9}
              profanity: {hold: 0.8}
        """);

    PolicyConfig conflict = config.conflictPolicy();
    assertThat(conflict.thresholds("threat")).isEqualTo(new PolicyConfig.LabelThresholds(0.4, null));
    assertThat(conflict.thresholds("identity_attack")).isEqualTo(new PolicyConfig.LabelThresholds(0.5, 0.9));
    assertThat(conflict.thresholds("profanity")).isEqualTo(new PolicyConfig.LabelThresholds(0.8, null));
    assertThat(conflict.thresholds("abuse")).isEqualTo(new PolicyConfig.LabelThresholds(0.5, null));
  }

  @Test
  void unknownLabelNamesTheKnownLabelsAndKinds() {
    WardenConfigException e = failure(MINIMAL + "policies: {default: {labels: {hate: {hold: 0.5}}}}");

    assertThat(e.getMessage()).contains("abuse", "disinformation", "insult", "threat", "identity_attack",
        "profanity");
  }

  @Test
  void bundledPoliciesHoldThreatsAndIdentityAttacksAndUnsupportedLanguagesOnConflictArticles() {
    WardenConfig config = parse(MINIMAL);

    PolicyConfig conflict = config.conflictPolicy();
    assertThat(conflict.thresholds("threat").hold()).isEqualTo(0.5);
    assertThat(conflict.thresholds("identity_attack").hold()).isEqualTo(0.5);
    assertThat(conflict.thresholds("insult").hold()).isNull();
    assertThat(conflict.thresholds("profanity").hold()).isNull();
    assertThat(conflict.onUnsupportedLanguage()).isEqualTo(PolicyConfig.OnUnsupportedLanguage.HOLD);
    PolicyConfig other = config.defaultPolicy();
    assertThat(other.thresholds("threat").hold()).isEqualTo(0.6);
    assertThat(other.thresholds("identity_attack").hold()).isEqualTo(0.7);
    assertThat(other.onUnsupportedLanguage()).isEqualTo(PolicyConfig.OnUnsupportedLanguage.SCORE);
  }

  @Test
  void unsupportedLanguagePolicyIsRead() {
    WardenConfig config = parse(MINIMAL + """
        policies:
          default: {on-unsupported-language: hold}
          conflict: {on-unsupported-language: allow}
        """);

    assertThat(config.defaultPolicy().onUnsupportedLanguage()).isEqualTo(PolicyConfig.OnUnsupportedLanguage.HOLD);
    assertThat(config.conflictPolicy().onUnsupportedLanguage()).isEqualTo(PolicyConfig.OnUnsupportedLanguage.ALLOW);
  }

  @Test
  void narrativeCataloguesAreResolvedAgainstTheConfigFilesDirectory(@TempDir Path dir) throws Exception {
    Path catalogue = Files.writeString(dir.resolve("our-narratives.yaml"), "version: 1\nnarratives: []\n");
    Path file = Files.writeString(dir.resolve("warden.yaml"), MINIMAL + "models: {narratives: [our-narratives.yaml]}\n");

    WardenConfig config = WardenConfig.load(file);

    assertThat(config.models().narratives()).containsExactly(catalogue.toAbsolutePath());
    assertThat(parse(MINIMAL).models().narratives()).isEmpty();
  }

  @Test
  void missingReleaseSecretIsNamed() {
    WardenConfigException e = failure(USERS);

    assertThat(e.key()).isEqualTo("release.secret");
    assertThat(e.getMessage()).contains("WARDEN_RELEASE_SECRET");
  }

  @Test
  void shortReleaseSecretIsRefusedWithoutShowingIt() {
    WardenConfigException e = failure("release: {secret: tooshort}\n" + USERS);

    assertThat(e.key()).isEqualTo("release.secret");
    assertThat(e.getMessage()).doesNotContain("tooshort");
  }

  @Test
  void builtinAuthWithoutUsersIsRefused() {
    assertThat(failure("release: {secret: " + SECRET + "}").key()).isEqualTo("admin.users");
  }

  @Test
  void containerAuthNeedsNoUsers() {
    WardenConfig config = parse("release: {secret: " + SECRET + "}\nadmin: {auth: container}");

    assertThat(config.admin().users()).isEmpty();
  }

  @Test
  void unsetReferenceWithoutDefaultNamesTheKey() {
    WardenConfigException e = failure(MINIMAL + "store: {username: \"${NOBODY_SET_THIS}\"}");

    assertThat(e.key()).isEqualTo("store.username");
    assertThat(e.getMessage()).contains("NOBODY_SET_THIS");
  }

  @Test
  void invalidYamlIsAConfigError() {
    assertThat(failure("store: [unclosed").getMessage()).contains("YAML");
  }
}
