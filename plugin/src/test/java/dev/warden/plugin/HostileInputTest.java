package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static dev.warden.plugin.TestConfigs.BENIGN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.internal.release.ReleaseSignature;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.ReleaseClaim;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input over real HTTP (HttpClient where it can send the bytes, a raw socket where it cannot): every case
 * gets a defined 4xx with a reason code, or is moderated as an ordinary comment. Never a 500, never a comment that
 * reaches the site without having been judged.
 */
class HostileInputTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "/articles/peace-talks/comments";
  static final String FORM_ONLY = "/articles/peace-talks/form-comments";
  static final String FORM = "application/x-www-form-urlencoded";

  @TempDir static Path dataDir;
  static Warden warden;
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    String yaml = TestConfigs.yaml(dataDir, """
        endpoints:
          - {name: comments, path: "/articles/{article}/comments", methods: [POST], format: auto, text-field: text,
             author-field: author, article: "{article}", return-to: "/articles/{article}"}
          - {name: forms, path: "/articles/{article}/form-comments", methods: [POST], format: form, text-field: text,
             author-field: author, article: "{article}", return-to: "/articles/{article}"}
        """).replace("max-body: 2KiB", "max-body: 1MiB");
    warden = Warden.start(WardenConfig.parse(yaml, name -> null));
    site = TestSite.withFilter(warden);
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
    warden.close();
  }

  @BeforeEach
  void forgetRequests() {
    site.received().clear();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void assertRefused(HttpResponse<String> response, int status, String code) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo(code);
  }

  static void assertRefused(RawHttp.Answer answer, int status, String code) throws Exception {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo(code);
  }

  static HeldComment held(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return warden.comments().find(JSON.readTree(response.body()).get("id").asText()).orElseThrow();
  }

  // --- encodings -------------------------------------------------------------------------------------------

  @Test
  void invalidUtf8InAFormOrJsonBodyIsRefusedAs400() throws Exception {
    byte[] rawForm = {'t', 'e', 'x', 't', '=', 'a', (byte) 0xC3, (byte) 0x28};
    byte[] overlong = "text=%C0%AF%C0%AF".getBytes(StandardCharsets.US_ASCII);
    byte[] rawJson = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}'};

    assertRefused(site.post(PATH, FORM, rawForm), 400, "invalid_encoding");
    assertRefused(site.post(PATH, FORM, overlong), 400, "invalid_encoding");
    assertRefused(site.post(PATH, "application/json", rawJson), 400, "invalid_encoding");
    assertThat(site.received()).isEmpty();
  }

  @Test
  void invalidUtf8InTheRequestLineGets400FromTheServerNot500() throws Exception {
    byte[] head = ("POST /articles/\u00ff\u00fe/comments HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM
        + "\r\nContent-Length: 9\r\nConnection: close\r\n\r\ntext=abcd").getBytes(StandardCharsets.ISO_8859_1);

    RawHttp.Answer answer = RawHttp.send(site.base, head, null);

    assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
    assertThat(site.received()).isEmpty();
  }

  @Test
  void charsetsWhoseAsciiBytesAreNotAsciiAreRefused() throws Exception {
    // Decoded as EBCDIC the bytes are gibberish to the classifier, but a site that ignores the charset reads ABUSIVE.
    byte[] body = ("text=" + enc(ABUSIVE)).getBytes(StandardCharsets.US_ASCII);

    assertRefused(site.post(PATH, FORM + "; charset=IBM037", body), 415, "unsupported_charset");
    assertRefused(site.post(PATH, FORM + "; charset=UTF-16", body), 415, "unsupported_charset");
    assertRefused(site.post(PATH, FORM + "; charset=no-such-charset", body), 415, "unsupported_charset");
    assertThat(site.received()).isEmpty();
  }

  @Test
  void compressedBodiesAreRefusedNotPassedOnUnjudged() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(("text=" + enc(ABUSIVE)).getBytes(StandardCharsets.UTF_8));
    }

    assertRefused(site.post(PATH, FORM, gz.toByteArray(), "Content-Encoding", "gzip"), 415,
        "unsupported_content_encoding");
    assertRefused(site.post(PATH, FORM, ("text=" + enc(ABUSIVE)).getBytes(StandardCharsets.UTF_8),
        "Content-Encoding", "br"), 415, "unsupported_content_encoding");
    assertThat(site.received()).isEmpty();
  }

  // --- size -------------------------------------------------------------------------------------------------

  @Test
  void aBodyDeclaredOverTheCapGets413BeforeItIsSent() throws Exception {
    RawHttp.Answer answer = RawHttp.send(site.base, "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM
        + "\r\nContent-Length: 3000000\r\n\r\n", null);

    assertRefused(answer, 413, "too_large");
    assertThat(site.received()).isEmpty();
  }

  @Test
  void aChunkedBodyThatGrowsOverTheCapGets413() throws Exception {
    byte[] body = ("text=" + "a".repeat(1024 * 1024 + 50_000)).getBytes(StandardCharsets.US_ASCII);
    HttpRequest request = HttpRequest.newBuilder(site.base.resolve(PATH)).header("Content-Type", FORM)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

    HttpResponse<String> response = TestSite.HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    assertRefused(response, 413, "too_large");
    assertThat(site.received()).isEmpty();
  }

  @Test
  void badChunkedEncodingGets400NotA500() throws Exception {
    RawHttp.Answer answer = RawHttp.send(site.base, "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM
        + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\ntext=abc\r\n0\r\n\r\n", null);

    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(site.received()).isEmpty();
  }

  @Test
  void tenThousandFormFieldsAreRefusedAndAThousandAreNot() throws Exception {
    StringBuilder many = new StringBuilder("text=" + enc(BENIGN));
    for (int i = 0; i < 10_000; i++) {
      many.append("&f").append(i).append('=').append(i);
    }
    StringBuilder fewer = new StringBuilder("text=" + enc(BENIGN));
    for (int i = 1; i < 1000; i++) {
      fewer.append("&f").append(i).append('=').append(i);
    }

    assertRefused(site.postForm(PATH, many.toString()), 400, "too_many_fields");
    assertThat(site.received()).isEmpty();
    assertThat(site.postForm(PATH, fewer.toString()).statusCode()).isEqualTo(303);
    assertThat(site.received()).singleElement().satisfies(r -> assertThat(r.parameters()).hasSize(1000));
  }

  @Test
  void aOneMegabyteWordIsModeratedAsAnOrdinaryCommentInBoundedTime() throws Exception {
    String word = "a".repeat(1_000_000);
    long started = System.nanoTime();

    HttpResponse<String> response = site.postForm(PATH, "text=" + word);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(site.received()).singleElement()
        .satisfies(r -> assertThat(r.parameters().get("text")).containsExactly(word));
  }

  // --- JSON -------------------------------------------------------------------------------------------------

  @Test
  void deeplyNestedJsonIsRefusedAs400() throws Exception {
    String nested = "{\"text\":\"" + BENIGN + "\",\"x\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";

    assertRefused(site.postJson(PATH, nested), 400, "invalid_json");
    assertRefused(site.postJson(PATH, "{\"text\":\"" + BENIGN + "\",\"n\":1" + "0".repeat(5000) + "}"), 400,
        "invalid_json");
    assertThat(site.received()).isEmpty();
  }

  @Test
  void hugeJsonUnderTheCapIsJudgedOnItsTextWhereverTheTextIs() throws Exception {
    StringBuilder json = new StringBuilder("{\"padding\":[");
    for (int i = 0; i < 100_000; i++) {
      json.append(i == 0 ? "" : ",").append(i % 10);
    }
    json.append("],\"text\":").append(JSON.writeValueAsString(ABUSIVE)).append('}');

    HeldComment held = held(site.postJson(PATH, json.toString()));

    assertThat(held.text()).isEqualTo(ABUSIVE);
    assertThat(site.received()).isEmpty();
  }

  @Test
  void duplicateJsonMembersAreRefused() throws Exception {
    String json = "{\"text\":" + JSON.writeValueAsString(BENIGN) + ",\"text\":" + JSON.writeValueAsString(ABUSIVE)
        + "}";

    assertRefused(site.postJson(PATH, json), 400, "invalid_json");
    assertThat(site.received()).isEmpty();
  }

  // --- characters -------------------------------------------------------------------------------------------

  @Test
  void nulAndControlCharactersDoNotHideAbuseAndAreStoredAsSent() throws Exception {
    String hidden = ABUSIVE.replace("idiot", "id\u0000i\u0001ot").replace("liar", "li\u0007ar")
        .replace("worthless", "worth\u001bless");

    HeldComment held = held(site.postJson(PATH, JSON.writeValueAsString(java.util.Map.of("text", hidden))));

    assertThat(held.reason()).isEqualTo("abuse");
    assertThat(held.text()).isEqualTo(hidden);
    assertThat(site.received()).isEmpty();
  }

  @Test
  void bidiControlsInsideWordsDoNotHideAbuseAndAreStoredAsSent() throws Exception {
    String hidden = ABUSIVE.replace("idiot", "id\u202Ei\u202Cot").replace("liar", "l\u2067ia\u2069r")
        .replace("worthless", "worth\u200Fless");

    HeldComment held = held(site.postJson(PATH, JSON.writeValueAsString(java.util.Map.of("text", hidden))));

    assertThat(held.reason()).isEqualTo("abuse");
    assertThat(held.text()).isEqualTo(hidden);
  }

  @Test
  void anArticleIdLongerThanTheStoreKeepsIsRefusedBeforeAnythingIsAcknowledged() throws Exception {
    String abusive = "text=" + enc(TestConfigs.ABUSIVE);
    long before = warden.comments().counts().values().stream().mapToLong(Long::longValue).sum();

    assertRefused(site.postForm("/articles/" + "a".repeat(513) + "/comments", abusive), 400, "article_too_long");
    assertThat(site.postForm("/articles/" + "a".repeat(512) + "/comments", abusive).statusCode()).isEqualTo(303);

    assertThat(site.received()).isEmpty();
    assertThat(warden.comments().counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before + 1);
  }

  @Test
  void aContentTypeLongerThanTheStoreKeepsIsRefused() throws Exception {
    byte[] abusive = ("text=" + enc(TestConfigs.ABUSIVE)).getBytes(StandardCharsets.UTF_8);
    String padded = FORM + "; charset=UTF-8; x=";

    assertRefused(site.post(PATH, padded + "b".repeat(513 - padded.length()), abusive), 400,
        "content_type_too_long");
    assertThat(site.post(PATH, padded + "b".repeat(512 - padded.length()), abusive).statusCode()).isEqualTo(303);
    assertThat(site.received()).isEmpty();
  }

  @Test
  void scriptAndSqlMetacharactersInEveryFieldReachTheSiteVerbatim() throws Exception {
    String nasty = "<script>alert(1)</script>' OR '1'='1'; DROP TABLE comments; -- \" \\ %00 ${jndi:x}";
    String text = BENIGN + " " + nasty;

    HttpResponse<String> response = site.postForm("/articles/" + enc("peace'talks<script>") + "/comments",
        "text=" + enc(text) + "&author=" + enc(nasty) + "&" + enc(nasty) + "=" + enc(nasty));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(site.received()).singleElement().satisfies(r -> {
      assertThat(r.parameters().get("text")).containsExactly(text);
      assertThat(r.parameters().get("author")).containsExactly(nasty);
      assertThat(r.parameters().get(nasty)).containsExactly(nasty);
    });
  }

  @Test
  void scriptAndSqlMetacharactersInAHeldCommentAreStoredVerbatim() throws Exception {
    String nasty = "<script>alert(1)</script>'); DELETE FROM comments; --";

    HeldComment held = held(site.postJson(PATH, JSON.writeValueAsString(
        java.util.Map.of("text", ABUSIVE + " " + nasty, "author", nasty))));

    assertThat(held.text()).isEqualTo(ABUSIVE + " " + nasty);
    assertThat(held.author()).isEqualTo(nasty);
    assertThat(warden.comments().find(held.id())).isPresent(); // the table is still there
  }

  // --- no bypass ----------------------------------------------------------------------------------------------

  @Test
  void aSecondTextFieldIsRefusedWhicheverValueASiteWouldKeep() throws Exception {
    assertRefused(site.postForm(PATH, "text=" + enc(BENIGN) + "&text=" + enc(ABUSIVE)), 400, "ambiguous_field");
    assertRefused(site.postForm(PATH, "text=" + enc(BENIGN) + "&te%78t=" + enc(ABUSIVE)), 400, "ambiguous_field");
    assertRefused(site.postForm(PATH, "text=" + enc(BENIGN) + "&author=a&author=b"), 400, "ambiguous_field");
    assertThat(site.received()).isEmpty();
  }

  @Test
  void aTextInTheQueryStringIsRefusedBecauseTheSiteWouldSeeItFirst() throws Exception {
    assertRefused(site.postForm(PATH + "?text=" + enc(ABUSIVE), "text=" + enc(BENIGN)), 400, "ambiguous_field");
    assertRefused(site.postJson(PATH + "?te%78t=" + enc(ABUSIVE), JSON.writeValueAsString(
        java.util.Map.of("text", BENIGN))), 400, "ambiguous_field");
    assertThat(site.received()).isEmpty();
  }

  @Test
  void oddlyPercentEncodedFieldNamesAndValuesAreDecodedBeforeJudging() throws Exception {
    StringBuilder everyByte = new StringBuilder("%74%65%78%74=");
    for (byte b : ABUSIVE.getBytes(StandardCharsets.UTF_8)) {
      everyByte.append('%').append(String.format("%02x", b));
    }

    HttpResponse<String> response = site.postForm(PATH, everyByte.toString(), "Accept", "application/json");

    assertThat(held(response).text()).isEqualTo(ABUSIVE);
    assertRefused(site.postForm(PATH, "text=" + enc(BENIGN) + "%2"), 400, "invalid_form");
    assertRefused(site.postForm(PATH, "text=%zz" + enc(ABUSIVE)), 400, "invalid_form");
    assertThat(site.received()).isEmpty();
  }

  @Test
  void oddSpellingsOfTheCommentPathAreStillModerated() throws Exception {
    for (String path : List.of("/articles/peace-talks/%63omments", "/articles/peace-talks/comments;x=1",
        "/articles/peace-talks/comments/", "/articles/peace-talks/./comments")) {
      RawHttp.Answer answer = RawHttp.send(site.base, "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: "
          + "application/json\r\nConnection: close\r\nContent-Length: "
          + JSON.writeValueAsBytes(java.util.Map.of("text", ABUSIVE)).length + "\r\n\r\n",
          JSON.writeValueAsBytes(java.util.Map.of("text", ABUSIVE)));

      assertThat(answer.status()).as(path + "\n" + answer.text()).isIn(202, 400);
    }
    assertThat(site.received()).isEmpty();
  }

  @Test
  void wrongContentTypesAreRefusedNotParsedAsSomethingElse() throws Exception {
    byte[] form = ("text=" + enc(ABUSIVE)).getBytes(StandardCharsets.UTF_8);
    byte[] multipart = ("--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + ABUSIVE
        + "\r\n--b--\r\n&text=" + enc(BENIGN)).getBytes(StandardCharsets.UTF_8);

    assertRefused(site.post(PATH, "text/plain", form), 415, "unsupported_media_type");
    assertRefused(site.post(PATH, null, form), 415, "unsupported_media_type");
    assertRefused(site.post(PATH, ";;;", form), 415, "unsupported_media_type"); // found by BodyParserFuzzTest
    assertRefused(site.post(PATH, "multipart/form-data; boundary=b", multipart), 415, "unsupported_media_type");
    assertRefused(site.post(FORM_ONLY, "multipart/form-data; boundary=b", multipart), 415, "unsupported_media_type");
    assertRefused(site.post(FORM_ONLY, "application/json",
        JSON.writeValueAsBytes(java.util.Map.of("text", ABUSIVE))), 415, "unsupported_media_type");
    assertThat(site.received()).isEmpty();
  }

  @Test
  void otherMethodsOnTheCommentPathGet405AndNeverReachTheSite() throws Exception {
    for (String method : List.of("PUT", "PATCH", "DELETE", "TRACE", "post", "PROPFIND")) {
      byte[] body = ("text=" + enc(ABUSIVE)).getBytes(StandardCharsets.UTF_8);
      RawHttp.Answer answer = RawHttp.send(site.base, method + " " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Type: "
          + FORM + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n", body);

      assertThat(answer.status()).as(method + "\n" + answer.text()).isEqualTo(405);
      assertThat(answer.text()).contains("Allow: POST").contains("method_not_allowed");
    }
    assertThat(site.received()).isEmpty();
    assertThat(site.get(PATH).statusCode()).isEqualTo(200); // reading the comments page is not refused
  }

  // --- headers ------------------------------------------------------------------------------------------------

  @Test
  void crlfInAHeaderIsRefusedByTheServer() throws Exception {
    for (String header : List.of("X-Test: a\rb", "X-Test: a\nInjected: b", "X-Test: a\r\n folded")) {
      RawHttp.Answer answer = RawHttp.send(site.base, "POST " + PATH + " HTTP/1.1\r\nHost: x\r\n" + header
          + "\r\nContent-Type: " + FORM + "\r\nContent-Length: 5\r\nConnection: close\r\n\r\ntext=", null);

      assertThat(answer.status()).as(header + "\n" + answer.text()).isBetween(400, 499);
    }
    assertThat(site.received()).isEmpty();
  }

  @Test
  void aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
    HttpResponse<String> response = site.postJson(PATH, JSON.writeValueAsString(java.util.Map.of("text", ABUSIVE)),
        "X-Forwarded-For", "203.0.113.7, 10.1.1.1", "Forwarded", "for=198.51.100.9");

    assertThat(held(response).posterKey()).isEqualTo("ip:127.0.0.1");
  }

  @Test
  void aForgedOrReplayedReleaseSignatureIsRefusedAndTheCommentIsNotDelivered() throws Exception {
    String body = JSON.writeValueAsString(java.util.Map.of("text", ABUSIVE + " (release)"));
    String id = JSON.readTree(site.postJson(PATH, body).body()).get("id").asText();
    warden.comments().approve(id, "moderator");
    ReleaseClaim claim = warden.comments().claimNextDelivery(Duration.ofMinutes(5)).orElseThrow();
    String valid = new ReleaseSignature(TestConfigs.SECRET).sign(id, claim.nonce(),
        body.getBytes(StandardCharsets.UTF_8));
    String forged = new ReleaseSignature("not-the-secret-but-just-as-long-0123").sign(id, claim.nonce(),
        body.getBytes(StandardCharsets.UTF_8));

    assertRefused(site.postJson(PATH, body, ReleaseSignature.HEADER, forged), 403, "bad_release_signature");
    assertRefused(site.postJson(PATH, body, ReleaseSignature.HEADER, id + ".x.zz"), 403, "bad_release_signature");
    assertThat(site.received()).isEmpty();
    assertThat(site.postJson(PATH, body, ReleaseSignature.HEADER, valid).statusCode()).isEqualTo(201);
    assertRefused(site.postJson(PATH, body, ReleaseSignature.HEADER, valid), 403, "bad_release_signature");
    assertThat(site.received()).hasSize(1);
  }

  @Test
  void theServerStaysUpAfterTheWholeSuite() throws Exception {
    URI health = site.base.resolve("/warden/health");
    assertThat(TestSite.HTTP.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(200);
    JsonNode ok = JSON.readTree(site.postJson(PATH, JSON.writeValueAsString(java.util.Map.of("text", BENIGN)))
        .body());
    assertThat(ok.get("stored").asBoolean()).isTrue();
  }
}
