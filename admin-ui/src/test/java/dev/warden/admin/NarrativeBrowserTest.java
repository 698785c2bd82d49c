package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The narratives section of the publishers' console in a real headless Chromium: a publisher adds a narrative (its
 * title carries markup, which must stay text), sees it listed and filtered, and retires it. Skipped (with a message)
 * without /usr/bin/chromium, except on CI where it fails.
 */
class NarrativeBrowserTest {
  @TempDir Path dir;
  private AdminServer server;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    browser = HeadlessChromium.start(dir.resolve("chromium"), "NarrativeBrowserTest");
    server = AdminServer.startWithSite(AdminServer.yaml(dir.resolve("data")) + PolicyApiTest.CONSOLE);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class); // the list is re-rendered as it loads and filters
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

  private WebElement row(String id) {
    return wait.until(d -> d.findElements(By.cssSelector("#narrative-rows tr")).stream()
        .filter(r -> id.equals(r.getDomAttribute("data-id"))).findFirst().orElse(null));
  }

  @Test
  void aPublisherAddsANarrativeSeesItListedAndRetiresIt() {
    browser.get(server.base + "/warden/admin/console.html");
    wait.until(d -> d.findElement(By.id("login-view")).isDisplayed());
    browser.findElement(By.id("login-user")).sendKeys("publisher");
    browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    row("bucha_staged");

    browser.findElement(By.id("narrative-new")).click();
    browser.findElement(By.id("narrative-id")).sendKeys("zebra_parliament");
    browser.findElement(By.id("narrative-title")).sendKeys("<b>Zebra</b> parliament takes orders from the moon");
    browser.findElement(By.id("narrative-phrasings")).sendKeys(
        "the lighthouse on the moon broadcasts secret orders\nthe zebras obey the moon");
    browser.findElement(By.id("narrative-keywords")).sendKeys("zebra parliament");
    browser.findElement(By.id("narrative-debunk")).sendKeys("javascript:alert(1)");
    browser.findElement(By.id("narrative-save")).click();
    WebElement error = wait.until(d -> {
      WebElement e = d.findElement(By.id("narrative-error"));
      return e.isDisplayed() ? e : null;
    });
    assertThat(error.getText()).contains("http(s)");
    assertThat(browser.findElement(By.id("narrative-debunk")).getDomAttribute("class")).contains("invalid");

    browser.findElement(By.id("narrative-debunk")).clear();
    browser.findElement(By.id("narrative-debunk")).sendKeys("https://example.org/debunk");
    browser.findElement(By.id("narrative-save")).click();

    WebElement added = row("zebra_parliament");
    assertThat(added.getText()).contains("<b>Zebra</b> parliament takes orders from the moon").contains("publisher")
        .contains("active");
    assertThat(added.findElements(By.tagName("b"))).isEmpty();
    assertThat(server.warden.narratives().find("zebra_parliament")).isPresent();

    browser.findElement(By.id("narrative-filter")).sendKeys("zebras obey");
    wait.until(d -> d.findElements(By.cssSelector("#narrative-rows tr")).size() == 1);

    row("zebra_parliament").findElements(By.tagName("button")).stream().filter(b -> b.getText().equals("Retire")).findFirst()
        .orElseThrow().click();
    wait.until(d -> row("zebra_parliament").getText().contains("retired"));
    assertThat(server.warden.narratives().find("zebra_parliament").orElseThrow().status().wireName())
        .isEqualTo("retired");
  }
}
