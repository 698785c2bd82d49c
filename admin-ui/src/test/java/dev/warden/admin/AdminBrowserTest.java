package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.HeldComment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The moderation page in a real headless Chromium: log in, see a hostile comment rendered as inert text, approve
 * it with the keyboard. Skipped (with a message) without /usr/bin/chromium, except on CI where it fails.
 */
class AdminBrowserTest {
  private static final String HOSTILE = "<img src=x onerror=alert(1)><b>bold</b> you idiot";

  @TempDir Path dir;
  private AdminServer server;
  private WebDriver browser;

  @BeforeEach
  void start() throws Exception {
    browser = HeadlessChromium.start(dir.resolve("chromium"), AdminBrowserTest.class.getSimpleName());
    server = AdminServer.start(dir.resolve("data"));
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void moderatorLogsInSeesHostileTextAsTextAndApprovesWithTheKeyboard() {
    HeldComment held = server.hold("war-in-ukraine", HOSTILE);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

    browser.get(server.base + "/warden/admin/");
    wait.until(d -> d.findElement(By.id("login-view")).isDisplayed());
    browser.findElement(By.id("login-user")).sendKeys("moderator");
    browser.findElement(By.id("login-password")).sendKeys(AdminServer.PASSWORD);
    browser.findElement(By.id("login-submit")).click();

    By item = By.cssSelector("li.item[data-id='" + held.id() + "']");
    WebElement rendered = wait.until(d -> d.findElement(item));
    WebElement text = rendered.findElement(By.cssSelector(".text"));
    assertThat(text.getText()).isEqualTo(HOSTILE);
    assertThat(browser.findElements(By.cssSelector("#items img, #items b"))).isEmpty();
    List<WebElement> marks = text.findElements(By.tagName("mark"));
    assertThat(marks).extracting(WebElement::getText).containsExactly("idiot");
    assertThat(rendered.findElement(By.cssSelector(".reason")).getText())
        .isEqualTo("Held: abuse score 0.93 is above the conflict policy's hold threshold 0.50");
    wait.until(d -> d.findElement(By.cssSelector("#tab-pending .count")).getText().equals("1"));

    wait.until(d -> rendered.getAttribute("class").contains("selected"));
    browser.findElement(By.tagName("body")).sendKeys("f");

    wait.until(d -> d.findElements(item).isEmpty());
    assertThat(server.comments.find(held.id()).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
    assertThat(server.comments.find(held.id()).orElseThrow().decidedBy()).isEqualTo("moderator");
    wait.until(d -> d.findElement(By.cssSelector("#tab-pending .count")).getText().equals("0"));
  }

  @Test
  void narrativesKindScoresLanguageAndSpansAreShownAsInertText() {
    String text = "Bucha was staged, tr4itor, and I will find you.";
    HeldComment held = server.holdWithVerdict("war-in-ukraine", text, "disinformation",
        Map.of("abuse", 0.62, "disinformation", 0.91, "threat", 0.55, "insult", 0.4),
        Map.of("language", "eng", "flags", List.of(),
            "terms", Map.of("abuse", List.of(Map.of("text", "traitor", "weight", 2.0, "start", 18, "end", 25))),
            "narratives", List.of(
                Map.of("id", "bucha_staged", "title", "Bucha killings were staged",
                    "description", "Claims that the killings in Bucha were staged. <b>False</b>.",
                    "similarity", 0.72, "debunkUrl", "https://example.org/bucha"),
                Map.of("id", "evil", "title", "<img src=x onerror=alert(1)>", "description", "",
                    "similarity", 0.3, "debunkUrl", "javascript:alert(1)"))));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(server.base + "/warden/admin/");
    wait.until(d -> d.findElement(By.id("login-view")).isDisplayed());
    browser.findElement(By.id("login-user")).sendKeys("moderator");
    browser.findElement(By.id("login-password")).sendKeys(AdminServer.PASSWORD);
    browser.findElement(By.id("login-submit")).click();

    WebElement rendered = wait.until(d -> d.findElement(By.cssSelector("li.item[data-id='" + held.id() + "']")));

    List<WebElement> narratives = rendered.findElements(By.cssSelector(".narrative"));
    assertThat(narratives).hasSize(2);
    assertThat(narratives.get(0).findElement(By.cssSelector(".narrative-title")).getText())
        .isEqualTo("Bucha killings were staged");
    assertThat(narratives.get(0).findElement(By.cssSelector(".narrative-description")).getText())
        .isEqualTo("Claims that the killings in Bucha were staged. <b>False</b>.");
    assertThat(narratives.get(1).findElement(By.cssSelector(".narrative-title")).getText())
        .isEqualTo("<img src=x onerror=alert(1)>");
    List<WebElement> links = rendered.findElements(By.cssSelector(".narratives a"));
    assertThat(links).singleElement().satisfies(link -> {
      assertThat(link.getAttribute("href")).isEqualTo("https://example.org/bucha");
      assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
    });
    assertThat(browser.findElements(By.cssSelector("#items img, #items b"))).isEmpty();
    assertThat(rendered.findElement(By.cssSelector(".score.kind[data-name='threat'] .score-value")).getText())
        .isEqualTo("0.55");
    assertThat(rendered.findElement(By.cssSelector(".language")).getText()).isEqualTo("English (eng)");
    assertThat(rendered.findElements(By.cssSelector(".text mark"))).extracting(WebElement::getText)
        .containsExactly("tr4itor");
    assertThat(rendered.findElement(By.cssSelector(".reason")).getText()).isEqualTo("Held: disinformation score "
        + "0.91 is above the conflict policy's hold threshold 0.50; it matches the known narrative "
        + "'Bucha killings were staged' (similarity 0.72)");
  }
}
