package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.Submission;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The moderators' queue in a real headless Chromium: filtering by poster, deciding with Coral's keys ({@code f},
 * {@code d}, {@code x}, {@code t}, {@code ?}), undo, the poster's history and notes, and hostile text rendered as
 * inert text. Each test works on its own poster keys, so the class shares one server and one signed-in browser.
 * One test saves a screenshot of the queue to {@code target/screenshots/queue.png}, and to
 * {@code docs/screenshots/queue.png} when run with {@code -Dwarden.screenshots=docs}.
 */
class AdminQueueBrowserTest {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @TempDir static Path dir;
  static AdminServer server;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    browser = HeadlessChromium.start(dir.resolve("chromium"), AdminQueueBrowserTest.class.getSimpleName());
    server = AdminServer.start(dir.resolve("data"));
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

  private static String unique(String name) {
    return name + "-" + SEQUENCE.incrementAndGet();
  }

  /** Stores a held comment of {@code poster}, received {@code secondsAgo} seconds ago. */
  private static HeldComment hold(String poster, String author, String text, long secondsAgo) {
    return hold("kerch-bridge-strike", poster, author, text, "abuse", Map.of("abuse", 0.81, "disinformation", 0.12),
        Map.of("language", "eng"), secondsAgo);
  }

  private static HeldComment hold(String article, String poster, String author, String text, String reason,
      Map<String, Double> scores, Map<String, Object> verdict, long secondsAgo) {
    Submission submission = new Submission("POST", "/articles/" + article + "/comments", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8));
    Map<String, Object> explanation = new HashMap<>(Map.of("model", "test", "policy", "conflict",
        "thresholds", Map.of("abuse", Map.of("hold", 0.5), "threat", Map.of("hold", 0.5),
            "disinformation", Map.of("hold", 0.5))));
    explanation.putAll(verdict);
    return server.comments.save(new NewComment(article, poster, author, text, submission, scores, explanation,
        Decision.HOLD, reason, Instant.now().minusSeconds(secondsAgo)));
  }

  /** Opens the page at {@code fragment} (a saved view), signed in as the moderator. */
  private static WebDriverWait open(String fragment) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.ignoring(StaleElementReferenceException.class); // a poll may re-render an item between find and read
    browser.get("about:blank"); // a fresh page even when only the fragment differs
    browser.get(server.base + "/warden/admin/" + fragment);
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

  /** The ids of the listed comments, read in one script so that a poll re-rendering the list cannot interleave. */
  @SuppressWarnings("unchecked")
  private static List<String> shownIds() {
    return (List<String>) ((JavascriptExecutor) browser)
        .executeScript("return [...document.querySelectorAll('#items > li.item')].map(e => e.dataset.id)");
  }

  private static By item(HeldComment c) {
    return By.cssSelector("li.item[data-id='" + c.id() + "']");
  }

  private static void keys(CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  private static CommentStatus status(HeldComment c) {
    return server.comments.find(c.id()).orElseThrow().status();
  }

  @Test
  void filterByPosterApproveWithFThenUndoWithU() {
    String poster = unique("cookie:ivan");
    HeldComment older = hold(poster, "Ivan", "First of two from Ivan.", 60);
    HeldComment newer = hold(poster, "Ivan", "Second of two from Ivan.", 30);
    HeldComment someoneElse = hold(unique("cookie:olena"), "Olena", "From someone else.", 10);
    WebDriverWait wait = open("");
    wait.until(d -> shownIds().contains(someoneElse.id()));

    browser.findElement(By.id("filter-poster")).sendKeys(poster, Keys.ENTER);

    wait.until(d -> shownIds().equals(List.of(newer.id(), older.id())));
    assertThat(browser.findElement(By.id("list-summary")).getText()).isEqualTo("1–2 of 2 matching");
    assertThat(browser.getCurrentUrl()).contains("#poster=" + poster.replace(":", "%3A"));
    browser.findElement(item(newer)).findElement(By.cssSelector(".text")).click();
    String pendingBefore = browser.findElement(By.cssSelector("#tab-pending .count")).getText();

    keys("f");

    wait.until(d -> shownIds().equals(List.of(older.id())));
    assertThat(status(newer)).isEqualTo(CommentStatus.APPROVED);
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Approved: comment by Ivan.");
    wait.until(d -> Integer.parseInt(d.findElement(By.cssSelector("#tab-pending .count")).getText())
        == Integer.parseInt(pendingBefore) - 1);
    assertThat(browser.findElement(By.id("notice-undo")).isDisplayed()).isTrue();

    keys("u");

    wait.until(d -> shownIds().equals(List.of(newer.id(), older.id())));
    assertThat(status(newer)).isEqualTo(CommentStatus.PENDING);
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Undone: 1 of 1 comment(s) back in the queue.");
    assertThat(server.comments.find(newer.id()).orElseThrow().decidedBy()).isNull();
  }

  @Test
  void xTicksCommentsAndDRejectsAllTickedWithTheBulkReason() {
    String poster = unique("cookie:flood");
    HeldComment first = hold(poster, "Bot", "Buy followers now 1", 30);
    HeldComment second = hold(poster, "Bot", "Buy followers now 2", 20);
    HeldComment third = hold(poster, "Bot", "Buy followers now 3", 10);
    WebDriverWait wait = open("#poster=" + poster);
    wait.until(d -> shownIds().equals(List.of(third.id(), second.id(), first.id())));
    browser.findElement(item(third)).findElement(By.cssSelector(".text")).click();

    keys("x");
    assertThat(browser.findElement(By.id("bulk-count")).getText()).isEqualTo("1 ticked");
    keys(Keys.ESCAPE);
    assertThat(browser.findElement(By.id("bulk-bar")).isDisplayed()).as("Esc clears the ticks").isFalse();

    keys("x", "j", "x");

    assertThat(browser.findElement(By.id("bulk-bar")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("bulk-count")).getText()).isEqualTo("2 ticked");
    assertThat(browser.findElement(item(third)).getAttribute("class")).contains("ticked");
    assertThat(browser.findElement(item(second)).findElement(By.cssSelector(".pick")).isSelected()).isTrue();
    assertThat(browser.findElement(item(first)).findElement(By.cssSelector(".pick")).isSelected()).isFalse();
    new Select(browser.findElement(By.id("bulk-reason"))).selectByValue("spam");
    browser.findElement(item(second)).findElement(By.cssSelector(".text")).click();

    keys("d");

    wait.until(d -> shownIds().equals(List.of(first.id())));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Rejected 2 comment(s).");
    assertThat(browser.findElement(By.id("bulk-bar")).isDisplayed()).isFalse();
    for (HeldComment rejected : List.of(second, third)) {
      assertThat(server.comments.find(rejected.id()).orElseThrow())
          .satisfies(c -> assertThat(c.status()).isEqualTo(CommentStatus.REJECTED))
          .satisfies(c -> assertThat(c.rejectReason()).isEqualTo("spam"));
    }
    assertThat(status(first)).isEqualTo(CommentStatus.PENDING);
  }

  @Test
  void questionMarkOpensTheHelpAndTSwitchesTheTab() {
    WebDriverWait wait = open("");
    wait.until(d -> d.findElement(By.cssSelector("#tab-pending.active")).isDisplayed());
    browser.findElement(By.id("list-summary")).click();

    keys("?");

    WebElement help = wait.until(d -> d.findElement(By.id("help")));
    wait.until(d -> help.isDisplayed());
    assertThat(help.getText()).contains("Next comment", "Approve the current comment, or every ticked one",
        "Tick or untick the current comment", "Suspend the current comment's poster",
        "Switch to the next queue tab", "Undo the last decision");
    keys(Keys.ESCAPE);
    wait.until(d -> !help.isDisplayed());

    keys("/");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("filter-poster");
    browser.findElement(By.id("list-summary")).click();

    keys("t");
    wait.until(d -> d.findElement(By.id("tab-auto_rejected")).getAttribute("class").contains("active"));
    assertThat(browser.getCurrentUrl()).endsWith("#status=auto_rejected");
    keys("T");
    wait.until(d -> d.findElement(By.id("tab-pending")).getAttribute("class").contains("active"));
  }

  @Test
  void bOpensTheSuspendFormAndOnlyThisPosterFiltersByThePoster() {
    String poster = unique("cookie:petro");
    HeldComment held = hold(poster, "Petro", "A comment from Petro.", 5);
    server.articles.put(new Article("kerch-bridge-strike", "Kerch bridge strike", "world", List.of(), true));
    WebDriverWait wait = open("");
    WebElement rendered = wait.until(d -> d.findElement(item(held)));
    WebElement article = rendered.findElement(By.cssSelector(".article a"));
    assertThat(article.getText()).isEqualTo("Kerch bridge strike");
    assertThat(article.getAttribute("href")).isEqualTo(server.base + "/articles/kerch-bridge-strike");
    assertThat(article.getAttribute("rel")).isEqualTo("noopener noreferrer");
    rendered.findElement(By.cssSelector(".text")).click();

    keys("b");

    assertThat(rendered.findElement(By.cssSelector(".suspend")).getAttribute("open")).isNotNull();
    assertThat(browser.switchTo().activeElement())
        .isEqualTo(rendered.findElement(By.cssSelector(".suspend-for")));

    rendered.findElement(By.cssSelector("[data-action='filter-poster']")).click();

    wait.until(d -> shownIds().equals(List.of(held.id())));
    assertThat(browser.findElement(By.id("filter-poster")).getAttribute("value")).isEqualTo(poster);
  }

  @Test
  void aDeliveredCommentCanOnlyBeFlaggedForTheSiteToRemove() {
    String poster = unique("cookie:oops");
    HeldComment delivered = hold(poster, "Oops", "Approved by mistake and already on the site.", 5);
    server.comments.approve(delivered.id(), "olga");
    server.comments.markDelivered(delivered.id());
    WebDriverWait wait = open("#status=delivered&poster=" + poster);
    WebElement rendered = wait.until(d -> d.findElement(item(delivered)));
    assertThat(rendered.findElement(By.cssSelector(".undo-hint")).getText())
        .isEqualTo("Warden cannot unpublish it: this flags the comment for the site to remove.");

    rendered.findElement(By.cssSelector("[data-action='undo']")).click();

    By flag = By.cssSelector("li.item[data-id='" + delivered.id() + "'] .withdrawal"); // re-rendered
    wait.until(d -> d.findElement(flag).isDisplayed());
    assertThat(browser.findElement(flag).getText()).startsWith("Withdrawal requested by moderator on ")
        .endsWith(": the site must remove this comment; Warden cannot unpublish a delivered comment.");
    assertThat(server.comments.find(delivered.id()).orElseThrow().status()).isEqualTo(CommentStatus.DELIVERED);
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Withdrawal requested: the comment stays on the site until the site removes it.");
  }

  /**
   * A hostile comment, author and note are shown as text and run nothing; a new comment arriving by polling
   * leaves the note being typed, and its focus, alone. Ends with the screenshot of the queue.
   */
  @Test
  void hostileTextIsInertAndPollingLeavesTypingAlone() throws Exception {
    String poster = unique("cookie:mallory");
    String hostile = "<img src=x onerror=\"window.__xss=1;alert(1)\"><script>window.__xss=2</script> you idiot";
    HeldComment held = hold(poster, "<b onmouseover=alert(3)>Mallory</b>", hostile, 40);
    hold(poster, "Mallory", "An earlier comment <svg onload=alert(4)>", 400);
    server.warden.posterNotes().add(poster, "olga", "Posts the same <img src=x onerror=alert(5)> link everywhere.");
    WebDriverWait wait = open("#poster=" + poster);
    WebElement rendered = wait.until(d -> d.findElement(item(held)));

    assertThat(rendered.findElement(By.cssSelector(".text")).getText()).isEqualTo(hostile.replace("  ", " "));
    assertThat(rendered.findElement(By.cssSelector(".author")).getText())
        .isEqualTo("<b onmouseover=alert(3)>Mallory</b>");
    rendered.findElement(By.cssSelector(".text")).click();
    keys("h");
    WebElement notes = wait.until(d -> {
      List<WebElement> found = rendered.findElements(By.cssSelector(".notes .note-body"));
      return found.isEmpty() ? null : found.get(0);
    });
    assertThat(notes.getText()).isEqualTo("Posts the same <img src=x onerror=alert(5)> link everywhere.");
    assertThat(rendered.findElement(By.cssSelector(".history-summary")).getText())
        .isEqualTo("Warden holds 2 comment(s) of " + poster + ": 2 pending.");
    assertThat(rendered.findElements(By.cssSelector(".history-recent .earlier-text"))).extracting(WebElement::getText)
        .containsExactly(hostile.replace("  ", " "), "An earlier comment <svg onload=alert(4)>");

    WebElement note = rendered.findElement(By.cssSelector(".note-text"));
    note.click();
    note.sendKeys("Half-typed <img src=x onerror=alert(6)>");
    HeldComment arriving = hold(poster, "Mallory", "Another one, arriving while a note is typed.", 0);
    wait.withTimeout(Duration.ofSeconds(12)).until(d -> shownIds().contains(arriving.id()));
    assertThat(browser.switchTo().activeElement()).isEqualTo(note);
    assertThat(note.getAttribute("value")).isEqualTo("Half-typed <img src=x onerror=alert(6)>");
    note.sendKeys(" and finished.");
    rendered.findElement(By.cssSelector("[data-action='add-note']")).click();
    wait.until(d -> rendered.findElements(By.cssSelector(".notes .note-body")).size() == 2);
    assertThat(rendered.findElements(By.cssSelector(".notes .note-body")).get(0).getText())
        .isEqualTo("Half-typed <img src=x onerror=alert(6)> and finished.");

    assertThat(browser.findElements(By.cssSelector("#items img, #items script, #items svg, #items b"))).isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  /** The picture in the README: one article's queue by score, one comment ticked, a poster's history open. */
  @Test
  void screenshotOfTheQueue() throws Exception {
    String article = unique("belarus-troops-border");
    String sasha = unique("cookie:sasha");
    HeldComment earlier = hold(article, sasha, "sasha_k", "Same story every day, the border is quiet.", "abuse",
        Map.of("abuse", 0.52), Map.of("language", "eng"), 7200);
    server.comments.reject(earlier.id(), "olga", "off_topic");
    String text = "Keep printing this and your reporters in Brest will regret it. We know where they stay.";
    HeldComment threat = hold(article, sasha, "sasha_k", text, "threat",
        Map.of("abuse", 0.71, "threat", 0.95, "insult", 0.22, "disinformation", 0.08),
        Map.of("language", "eng", "terms", Map.of("threat", List.of(span(text, "regret it", 1.8),
            span(text, "know where they stay", 1.6)))), 240);
    server.warden.posterNotes().add(sasha, "olga", "Warned last week for threats under the Kerch story.");
    hold(article, unique("cookie:d.petrenko"), "d.petrenko",
        "The troops are only an exercise, just like before Bucha, which was staged anyway.", "disinformation",
        Map.of("abuse", 0.12, "disinformation", 0.91),
        Map.of("language", "eng", "narratives", List.of(Map.of("id", "bucha_staged",
            "title", "Bucha killings were staged", "description", "Claims that the killings of civilians in Bucha "
                + "were staged. Documented by the UN, journalists and satellite imagery.",
            "similarity", 0.74, "debunkUrl", "https://www.ohchr.org/en/press-releases/2022/12/ukraine-un-report"))),
        600);
    hold(article, unique("ip:198.51.100.23"), "Андрей", "Это всё постановка, не верьте им.", "unsupported_language",
        Map.of("abuse", 0.3, "disinformation", 0.46), Map.of("language", "rus", "flags",
            List.of("unsupported_language")), 900);
    WebDriverWait wait = open("#sort=score&article=" + article);
    wait.until(d -> shownIds().size() == 3);
    browser.findElement(item(threat)).findElement(By.cssSelector(".text")).click();
    keys("x", "h");
    wait.until(d -> !d.findElement(item(threat)).findElements(By.cssSelector(".notes .note-body")).isEmpty());
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");

    screenshot();

    assertThat(Files.size(Path.of("target", "screenshots", "queue.png"))).isGreaterThan(10_000);
  }

  private static Map<String, Object> span(String text, String term, double weight) {
    int start = text.indexOf(term);
    return Map.of("text", term, "weight", weight, "start", start, "end", start + term.length());
  }

  private static void screenshot() throws Exception {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve("queue.png");
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    if ("docs".equals(System.getProperty("warden.screenshots"))) {
      Path docs = Files.createDirectories(Path.of("..", "docs", "screenshots")).resolve("queue.png");
      Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
      docs.toFile().setReadable(true, false);
    }
  }
}
