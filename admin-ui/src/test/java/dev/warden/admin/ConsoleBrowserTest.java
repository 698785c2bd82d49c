package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The publishers' console in a real headless Chromium, over a Warden whose filter has moderated real comments: a
 * publisher moves the hold threshold on the what-if chart, sees what it would hold change, saves, and the next
 * comment meets the new threshold; a moderator gets no access. Skipped (with a message) without /usr/bin/chromium,
 * except on CI where it fails. Saves a screenshot of the what-if view to {@code target/screenshots/whatif.png}.
 */
class ConsoleBrowserTest {
  @TempDir Path dir;
  private AdminServer server;
  private WebDriver browser;
  private WebDriverWait wait;
  private int readers;

  @BeforeEach
  void start() throws Exception {
    browser = HeadlessChromium.start(dir.resolve("chromium"), "ConsoleBrowserTest");
    server = AdminServer.startWithSite(AdminServer.yaml(dir.resolve("data")) + PolicyApiTest.CONSOLE);
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

  private HttpResponse<String> comment(String article, String text) throws Exception {
    String body = Http.JSON.createObjectNode().put("text", text).toString();
    return new Http(server.base).post("/articles/" + article + "/comments", body, "Content-Type",
        "application/json", "Cookie", "site_user=reader-" + ++readers);
  }

  /** Real comments through the filter on a conflict article, and moderators' decisions on the held ones. */
  private void moderateSomeComments() throws Exception {
    for (String text : WhatIfApiTest.BENIGN) {
      assertThat(comment("war-diary", text).statusCode()).isEqualTo(201);
    }
    assertThat(comment("war-diary", PolicyApiTest.MILD).statusCode()).isEqualTo(201);
    List<String> held = new ArrayList<>();
    for (String text : WhatIfApiTest.ABUSIVE) {
      held.add(json(comment("war-diary", text)).get("id").asText());
    }
    Http moderator = new Http(server.base);
    moderator.login("moderator", PASSWORD);
    moderator.postWithCsrf("/warden/api/comments/" + held.get(0) + "/reject", "{}");
    moderator.postWithCsrf("/warden/api/comments/" + held.get(1) + "/reject", "{}");
    moderator.postWithCsrf("/warden/api/comments/" + held.get(2) + "/approve", "{}");
  }

  private void logIn(String user) {
    browser.get(server.base + "/warden/admin/console.html");
    wait.until(d -> d.findElement(By.id("login-view")).isDisplayed());
    browser.findElement(By.id("login-user")).sendKeys(user);
    browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login-submit")).click();
  }

  @Test
  void aPublisherMovesTheHoldThresholdSeesTheWhatIfChangeSavesAndTheNextCommentMeetsIt() throws Exception {
    moderateSomeComments();
    logIn("publisher");

    WebElement readout = wait.until(d -> {
      WebElement r = d.findElement(By.id("whatif-readout"));
      return r.getText().contains("comments/day") ? r : null;
    });
    assertThat(readout.getDomAttribute("data-held-per-day")).isEqualTo("3");
    assertThat(readout.getText()).contains("At 0.50").contains("3.0 comments/day").contains("precision 67%")
        .contains("2 of 3 decided holds were rejected");
    assertThat(browser.findElements(By.cssSelector("#whatif-chart rect.bar"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#whatif-chart line.line-now"))).hasSize(1);

    WebElement slider = browser.findElement(By.id("whatif-slider"));
    slider.click(); // focus; the click itself may move it, the keys then set it exactly
    slider.sendKeys(Keys.HOME);
    for (int i = 0; i < 20; i++) {
      slider.sendKeys(Keys.ARROW_RIGHT);
    }

    wait.until(d -> "4".equals(d.findElement(By.id("whatif-readout")).getDomAttribute("data-held-per-day")));
    assertThat(browser.findElement(By.id("whatif-readout")).getText()).contains("At 0.20");
    assertThat(browser.findElement(By.id("whatif-value")).getText()).isEqualTo("0.20");
    assertThat(browser.findElements(By.cssSelector("#whatif-chart line.line-candidate"))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector("input[data-key='policies.conflict.labels.abuse.hold']"))
        .getDomProperty("value")).isEqualTo("0.2");
    assertThat(browser.findElement(By.id("pending-changes")).getText())
        .contains("policies.conflict.labels.abuse.hold: 0.5 → 0.2");
    screenshot(browser.findElement(By.cssSelector(".columns")), "whatif.png");

    browser.findElement(By.id("save-comment")).sendKeys("Hold milder abuse under war coverage");
    browser.findElement(By.id("save")).click();

    wait.until(d -> d.findElement(By.id("version-line")).getText().contains("version 1"));
    assertThat(server.warden.policies().settings().conflictPolicy().thresholds("abuse").hold()).isEqualTo(0.2);
    assertThat(browser.findElement(By.cssSelector("#history li.version.current")).getText())
        .contains("Version 1").contains("Hold milder abuse under war coverage")
        .contains("policies.conflict.labels.abuse.hold: 0.5 → 0.2");
    assertThat(comment("war-diary", PolicyApiTest.MILD).statusCode()).as("the next comment is held").isEqualTo(202);
  }

  @Test
  void aBadValueIsNamedAndMarkedOnThePage() {
    logIn("chief");
    WebElement hold = wait.until(d -> d.findElement(
        By.cssSelector("input[data-key='policies.conflict.labels.threat.hold']")));
    hold.clear();
    hold.sendKeys("1.5");
    browser.findElement(By.id("save")).click();

    WebElement error = wait.until(d -> {
      WebElement e = d.findElement(By.id("save-error"));
      return e.isDisplayed() ? e : null;
    });
    assertThat(error.getText()).startsWith("policies.conflict.labels.threat.hold:");
    assertThat(hold.getDomAttribute("class")).contains("invalid");
    assertThat(server.warden.policies().current().version()).isZero();
  }

  @Test
  void aSectionPolicyGetsItsOwnRateLimitsWhileEmptyInherits() {
    logIn("publisher");
    WebElement name = wait.until(d -> d.findElement(By.id("version-line")).getText().contains("version 0")
        ? d.findElement(By.id("new-section")) : null);
    name.sendKeys("live", Keys.ENTER);

    wait.until(d -> d.findElement(By.id("section-limits")).isDisplayed());
    WebElement interval = browser.findElement(
        By.cssSelector("input[data-key='throttle.limits.sections.live.min-interval']"));
    assertThat(interval.getDomProperty("value")).as("empty is inherit").isEmpty();
    String[][] values = {{"min-interval", "60s"}, {"max", "5"}, {"window", "10m"}, {"per-article.max", "5"},
        {"per-article.window", "1h"}};
    for (String[] value : values) {
      browser.findElement(By.cssSelector("input[data-key='throttle.limits.sections.live." + value[0] + "']"))
          .sendKeys(value[1]);
    }
    browser.findElement(By.id("save")).click();

    wait.until(d -> d.findElement(By.id("version-line")).getText().contains("version 1"));
    assertThat(server.warden.policies().settings().throttleLimits().sections().get("live").minInterval())
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aModeratorOpeningTheConsoleGetsNoAccess() {
    logIn("moderator");

    WebElement denied = wait.until(d -> {
      WebElement view = d.findElement(By.id("denied-view"));
      return view.isDisplayed() ? view : null;
    });
    assertThat(denied.getText()).contains("No access").contains("moderator")
        .contains("needs the publisher or admin role");
    assertThat(browser.findElement(By.id("console-view")).isDisplayed()).isFalse();
    assertThat(browser.findElements(By.cssSelector("#thresholds input"))).isEmpty();
  }

  /** Saves a screenshot of an element to target/screenshots (the README's picture is copied from there). */
  private static void screenshot(WebElement element, String name) throws Exception {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    File shot = element.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
