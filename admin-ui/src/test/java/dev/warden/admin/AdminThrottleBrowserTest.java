package dev.warden.admin;

import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the throttle shows moderators on the page, in a real headless Chromium over comments posted through the
 * real filter: a coordinated item's group size and its group's comments, suspending a poster from an item, and the
 * banner of an article in surge pre-moderation. Readers are told apart by a site cookie; each test uses its own
 * articles, so that the surge (three comments on one article) touches only the article meant for it.
 */
class AdminThrottleBrowserTest {
  static final String THROTTLE = AdminThrottleApiTest.throttle(
      "{enabled: true, factor: 5, floor: 3, window: 2m, baseline: 30m, min-duration: 10m}");

  @TempDir static Path dir;
  static AdminServer server;
  static WebDriver browser;


  @BeforeAll
  static void start() throws Exception {
    browser = HeadlessChromium.start(dir.resolve("chromium"), AdminThrottleBrowserTest.class.getSimpleName());
    server = AdminServer.startWithSite(AdminServer.yaml(dir.resolve("data")) + THROTTLE);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static HttpResponse<String> comment(String poster, String article, String text) throws Exception {
    String body = Http.JSON.createObjectNode().put("author", poster).put("text", text).toString();
    return new Http(server.base).post("/articles/" + article + "/comments", body, "Content-Type",
        "application/json", "Cookie", "site_user=" + poster);
  }

  /** Posts and returns the id of the held comment. */
  private static String held(String poster, String article, String text) throws Exception {
    HttpResponse<String> response = comment(poster, article, text);
    assertThat(response.statusCode()).as(poster + " on " + article).isEqualTo(202);
    return json(response).get("id").asText();
  }

  private static void published(String poster, String article, String text) throws Exception {
    assertThat(comment(poster, article, text).statusCode()).as(poster + " on " + article).isEqualTo(201);
  }

  /** The page with the pending queue, signed in as the moderator (the session lasts for the whole class). */
  private static WebDriverWait openQueue() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    browser.get(server.base + "/warden/admin/");
    wait.until(d -> d.findElement(By.id("login-view")).isDisplayed() || d.findElement(By.id("queue-view"))
        .isDisplayed());
    if (browser.findElement(By.id("login-view")).isDisplayed()) {
      browser.findElement(By.id("login-user")).sendKeys("moderator");
      browser.findElement(By.id("login-password")).sendKeys(AdminServer.PASSWORD);
      browser.findElement(By.id("login-submit")).click();
    }
    wait.until(d -> d.findElement(By.id("queue-view")).isDisplayed());
    return wait;
  }

  private static By item(String id) {
    return By.cssSelector("li.item[data-id='" + id + "']");
  }

  private static String text(WebElement element, String css) {
    return element.findElement(By.cssSelector(css)).getText();
  }

  @Test
  void aCoordinatedItemShowsItsGroupSizeAndOpensTheGroupsComments() throws Exception {
    String text = "Share this everywhere: the evacuation buses from the station were only a staged show.";
    published("bot-1", "group-1", text);
    published("bot-2", "group-2", text);
    String third = held("bot-3", "group-3", text);
    String fourth = held("bot-4", "group-4", text);
    WebDriverWait wait = openQueue();

    WebElement rendered = wait.until(d -> d.findElement(item(third)));
    assertThat(text(rendered, ".poster")).isEqualTo("cookie:bot-3");
    assertThat(text(rendered, ".reason"))
        .isEqualTo("Held: the same text came from several posters within a short time (coordinated).");
    assertThat(text(rendered, ".coordinated-summary")).isEqualTo("Coordinated: same text from 4 posters");
    WebElement show = rendered.findElement(By.cssSelector("[data-action='show-group']"));
    assertThat(show.getText()).isEqualTo("Show group");
    show.click();

    WebElement panel = wait.until(d -> {
      WebElement p = rendered.findElement(By.cssSelector(".group-panel"));
      return p.isDisplayed() ? p : null;
    });
    assertThat(show.getText()).isEqualTo("Hide group");
    assertThat(show.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(text(panel, ".group-seen")).startsWith("4 posters, 4 comments with this text, first ");
    List<WebElement> rows = panel.findElements(By.cssSelector("tr.group-comment"));
    assertThat(rows).extracting(r -> r.getAttribute("data-id")).containsExactly(fourth, third);
    assertThat(rows.get(1).findElements(By.tagName("td"))).extracting(WebElement::getText)
        .startsWith("cookie:bot-3", "bot-3 (this comment)", "group-3").endsWith("Pending");
    assertThat(rows.get(1).getAttribute("class")).contains("current");
    assertThat(panel.findElements(By.cssSelector(".group-posters .poster"))).extracting(WebElement::getText)
        .contains("cookie:bot-1 (not held)", "cookie:bot-2 (not held)", "cookie:bot-3", "cookie:bot-4");

    // A fifth poster: the next poll counts it on the item, lists its comment in the queue and in the open group,
    // and leaves the group open.
    String fifth = held("bot-5", "group-5", text);
    wait.until(d -> text(rendered, ".coordinated-summary").equals("Coordinated: same text from 5 posters"));
    wait.until(d -> !d.findElements(item(fifth)).isEmpty());
    wait.until(d -> panel.findElements(By.cssSelector("tr.group-comment")).size() == 3);
    assertThat(text(panel, ".group-seen")).startsWith("5 posters, 5 comments with this text, first ");
    assertThat(panel.isDisplayed()).isTrue();
    assertThat(show.getText()).isEqualTo("Hide group");

    show.click();
    assertThat(panel.isDisplayed()).isFalse();
    assertThat(rendered.findElements(By.cssSelector("[data-action='approve']"))).hasSize(1);
  }

  @Test
  void suspendingThePosterFromAnItemRefusesTheirNextComment() throws Exception {
    String text = "Everyone must read the leaked ministry memo about the bridge repairs before Friday.";
    published("memo-1", "memo-1", text);
    published("memo-2", "memo-2", text);
    String held = held("memo-3", "memo-3", text);
    WebDriverWait wait = openQueue();
    WebElement rendered = wait.until(d -> d.findElement(item(held)));
    assertThat(text(rendered, ".poster")).isEqualTo("cookie:memo-3");
    assertThat(rendered.findElement(By.cssSelector(".poster-suspended")).isDisplayed()).isFalse();

    rendered.findElement(By.cssSelector(".suspend summary")).click();
    new Select(rendered.findElement(By.cssSelector(".suspend-for"))).selectByValue("7d");
    rendered.findElement(By.cssSelector(".suspend-reason")).sendKeys("copy-paste campaign <b>memo</b>");
    Instant before = Instant.now();
    rendered.findElement(By.cssSelector("[data-action='suspend']")).click();

    wait.until(d -> d.findElement(By.id("notice")).getText().startsWith("Suspended cookie:memo-3 until "));
    assertThat(browser.findElement(By.id("notice")).getText()).endsWith(": new comments from this poster are refused.");
    assertThat(rendered.findElement(By.cssSelector(".poster-suspended")).getText()).startsWith("suspended until ");
    assertThat(rendered.findElement(By.cssSelector(".suspend")).getAttribute("open")).isNull();
    Http api = new Http(server.base);
    api.login("moderator", AdminServer.PASSWORD);
    JsonNode suspension = json(api.get("/warden/api/posters/cookie:memo-3")).get("suspension");
    assertThat(suspension.get("reason").asText()).isEqualTo("copy-paste campaign <b>memo</b>");
    assertThat(suspension.get("suspendedBy").asText()).isEqualTo("moderator");
    assertThat(Instant.parse(suspension.get("until").asText()))
        .isBetween(before.plus(Duration.ofDays(7)).minusSeconds(5), Instant.now().plus(Duration.ofDays(7)));
    HttpResponse<String> refused = comment("memo-3", "memo-4", "A new comment from the suspended poster today.");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(json(refused).get("reason").asText()).isEqualTo("suspended");
    assertThat(rendered.isDisplayed()).as("the comment itself stays in the queue").isTrue();
  }

  /**
   * Opens the page after the surge: the banner comes from the same throttle report that the coordinated test sees
   * refreshed by a poll, so this test does not wait for one too (the browser tests stay fast).
   */
  @Test
  void anArticleInSurgeShowsThePreModerationBanner() throws Exception {
    published("reader-1", "surge-1", "The mayor's statement about the curfew was clear and calm.");
    published("reader-2", "surge-1", "Does the curfew apply to night-shift hospital workers as well?");
    String held = held("reader-3", "surge-1", "Thank you for the live updates from the city council meeting.");
    WebDriverWait wait = openQueue();

    WebElement banner = wait.until(d -> d.findElement(By.cssSelector("#surges .surge[data-article='surge-1']")));
    assertThat(browser.findElement(By.id("surges")).isDisplayed()).isTrue();
    assertThat(banner.getText())
        .isEqualTo("Pre-moderation: every comment on surge-1 is held since just now (1.5/min vs 0/min before)");
    WebElement rendered = wait.until(d -> d.findElement(item(held)));
    assertThat(text(rendered, ".reason"))
        .isEqualTo("Held: the article is in pre-moderation after a surge of comments.");
    assertThat(rendered.findElements(By.cssSelector(".coordinated"))).isEmpty();
  }
}
