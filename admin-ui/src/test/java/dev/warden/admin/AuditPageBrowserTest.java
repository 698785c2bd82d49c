package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.HeldComment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The audit page in a real headless Chromium: a moderator logs in, approves a comment, opens the audit trail and
 * sees the approval with their name and address; hostile actor and target strings render as inert text. Skipped
 * (with a message) without /usr/bin/chromium, except on CI where it fails.
 */
class AuditPageBrowserTest {
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";

  @TempDir Path dir;
  private AdminServer server;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    browser = HeadlessChromium.start(dir.resolve("chromium"), "AuditPageBrowserTest");
    server = AdminServer.start(dir.resolve("data"));
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
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

  private void signIn(String user, String password) {
    WebElement name = browser.findElement(By.id("login-user"));
    WebElement secret = browser.findElement(By.id("login-password"));
    name.clear();
    name.sendKeys(user);
    secret.clear();
    secret.sendKeys(password);
    browser.findElement(By.id("login-submit")).click();
  }

  @Test
  void aModeratorSeesTheirApprovalAndHostileStringsAsText() {
    HeldComment held = server.hold("war-in-ukraine", HOSTILE + " you idiot");
    server.warden.suspensions().suspend("cookie:" + HOSTILE, Instant.now().plus(Duration.ofHours(1)),
        "<script>alert(2)</script>", new Actor("moderator", "192.0.2.44"));

    browser.get(server.base + "/warden/admin/");
    wait.until(d -> d.findElement(By.id("login-view")).isDisplayed());
    signIn(HOSTILE, "not a password");
    wait.until(d -> d.findElement(By.id("login-error")).isDisplayed());
    signIn("moderator", AdminServer.PASSWORD);
    By item = By.cssSelector("li.item[data-id='" + held.id() + "']");
    wait.until(d -> d.findElement(item)).findElement(By.cssSelector("[data-action='approve']")).click();
    wait.until(d -> d.findElements(item).isEmpty());

    browser.get(server.base + "/warden/admin/audit.html");
    WebElement approval = wait.until(d -> d.findElements(By.cssSelector("#events tr")).stream()
        .filter(row -> "approve".equals(row.getAttribute("data-action"))).findFirst().orElse(null));

    assertThat(cells(approval)).containsExactly(cells(approval).get(0), "moderator", "127.0.0.1", "approve",
        "comment " + held.id(), "pending → approved", "");
    assertThat(browser.findElement(By.id("who-name")).getText()).isEqualTo("moderator (moderator)");
    WebElement failed = row("login_failed");
    assertThat(cells(failed).get(1)).isEqualTo(HOSTILE);
    WebElement suspension = row("suspend");
    assertThat(cells(suspension).get(4)).isEqualTo("poster cookie:" + HOSTILE);
    assertThat(cells(suspension).get(6)).endsWith(": <script>alert(2)</script>");
    assertInert();

    suspension.findElement(By.cssSelector(".target .linkish")).click();
    wait.until(d -> d.findElements(By.cssSelector("#events tr")).size() == 1);
    assertThat(browser.findElement(By.id("filter-target")).getAttribute("value")).isEqualTo("cookie:" + HOSTILE);
    assertThat(browser.getCurrentUrl()).contains("target=");
    assertInert();
  }

  @Test
  void withoutASessionThePageSendsTheReaderToSignIn() {
    browser.get(server.base + "/warden/admin/audit.html");

    WebElement signedOut = wait.until(d -> d.findElement(By.id("signed-out")));
    wait.until(d -> signedOut.isDisplayed());
    assertThat(browser.findElement(By.id("audit-view")).isDisplayed()).isFalse();
    assertThat(signedOut.findElement(By.cssSelector("a")).getAttribute("href"))
        .isEqualTo(server.base + "/warden/admin/");
  }

  private WebElement row(String action) {
    return browser.findElements(By.cssSelector("#events tr")).stream()
        .filter(r -> action.equals(r.getAttribute("data-action"))).findFirst().orElseThrow();
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  /** No markup from the data became elements, and no script ran. */
  private void assertInert() {
    Object injected = ((JavascriptExecutor) browser)
        .executeScript("return document.querySelectorAll('#events img, #events script, #events b').length;");
    assertThat(injected).isEqualTo(0L);
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }
}
