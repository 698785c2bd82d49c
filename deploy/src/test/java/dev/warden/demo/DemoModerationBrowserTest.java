package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.admin.HeadlessChromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo with Warden in a real browser (issue #5): a reader's comment is held, the moderator approves it in the
 * admin UI with the keyboard and it appears on the demo article page; hostile markup in a held comment is shown as
 * text. One demo server for the class, a fresh headless Chromium per test.
 */
class DemoModerationBrowserTest {
  private static final String CONFLICT = DemoEndToEndTest.CONFLICT;

  @TempDir static Path dataDir;
  static DemoServer demo;

  @TempDir Path profileDir;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeAll
  static void startDemo() throws Exception {
    demo = DemoServer.start(DemoEndToEndTest.options(dataDir));
  }

  @AfterAll
  static void stopDemo() throws Exception {
    if (demo != null) {
      demo.stop();
    }
  }

  @BeforeEach
  void startBrowser(TestInfo test) throws Exception {
    browser = HeadlessChromium.start(profileDir.resolve("chromium"), test.getDisplayName());
    wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200));
  }

  @AfterEach
  void quitBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String base() {
    String uri = demo.baseUri().toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  private static String holdAsReader(String text) throws Exception {
    return DemoEndToEndTest.hold(new DemoHttp(demo.baseUri()), CONFLICT, text);
  }

  private void logInAsModerator() {
    browser.get(base() + "/warden/admin/");
    wait.until(d -> d.findElement(By.id("login-view")).isDisplayed());
    browser.findElement(By.id("login-user")).sendKeys(DemoServer.MODERATOR);
    browser.findElement(By.id("login-password")).sendKeys(DemoEndToEndTest.PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    wait.until(d -> d.findElement(By.id("queue-view")).isDisplayed());
  }

  private WebElement queueItem(String id) {
    return wait.until(d -> d.findElement(By.cssSelector("#items li.item[data-id='" + id + "']")));
  }

  /** How many comments on the article page, fetched afresh, have exactly this text. */
  private long publishedOnArticlePage(String text) {
    browser.get(base() + "/articles/" + CONFLICT);
    List<WebElement> texts = browser.findElements(By.cssSelector("#comments li.comment p.text"));
    return texts.stream().filter(element -> element.getText().equals(text)).count();
  }

  @Test
  void aHeldCommentApprovedWithTheKeyboardAppearsOnTheArticleOnce() throws Exception {
    String text = DemoEndToEndTest.ABUSE + " Approved in the browser.";
    String id = holdAsReader(text);

    logInAsModerator();
    WebElement item = queueItem(id);
    assertThat(item.findElement(By.cssSelector(".text")).getText()).isEqualTo(text);
    item.findElement(By.cssSelector(".reason")).click();
    wait.until(d -> item.getAttribute("class").contains("selected"));
    new Actions(browser).sendKeys("f").perform();
    wait.until(d -> d.findElements(By.cssSelector("#items li.item[data-id='" + id + "']")).isEmpty());

    wait.until(d -> publishedOnArticlePage(text) == 1);
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).containsOnlyOnce("Approved in the browser.");
  }

  @Test
  void hostileMarkupInAHeldCommentIsShownAsTextInTheQueue() throws Exception {
    String img = "<img src=x onerror=alert(1)>";
    String script = "<script>window.pwned=1</script>";
    String text = DemoEndToEndTest.ABUSE + " " + img + " " + script + " Markup test.";
    String id = holdAsReader(text);

    logInAsModerator();
    WebElement item = queueItem(id);
    WebElement shown = item.findElement(By.cssSelector(".text"));

    assertThat(shown.getText()).isEqualTo(text).contains(img, script);
    assertThat(shown.findElements(By.tagName("img"))).isEmpty();
    assertThat(shown.findElements(By.tagName("script"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#items img"))).isEmpty();
    assertThat(ExpectedConditions.alertIsPresent().apply(browser)).isNull();
    assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.pwned")).isEqualTo("undefined");
  }
}
