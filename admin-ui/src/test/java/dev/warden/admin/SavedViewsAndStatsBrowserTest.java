package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.store.HeldComment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A moderator in a real headless Chromium saves the queue's filter as a named view (a watch list of one story),
 * applies it with one click, and opens the stats page, whose numbers match comments posted through the real
 * moderation filter and decided through the API.
 */
class SavedViewsAndStatsBrowserTest {
  @TempDir Path dir;
  private AdminServer server;
  private WebDriver browser;
  private WebDriverWait wait;
  private int readers;

  @BeforeEach
  void start() throws Exception {
    browser = HeadlessChromium.start(dir.resolve("chromium"), "SavedViewsAndStatsBrowserTest");
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

  private WebElement cell(String rowSelector, String cell) {
    return browser.findElement(By.cssSelector(rowSelector + " td." + cell));
  }

  @Test
  void aSavedWatchListAppliesWithOneClickAndTheStatsMatchTheModeratedComments() throws Exception {
    int posted = 0;
    for (String text : WhatIfApiTest.BENIGN) {
      assertThat(comment("war-diary", text).statusCode()).isEqualTo(201);
      posted++;
    }
    List<HeldComment> held = new ArrayList<>();
    for (String text : WhatIfApiTest.ABUSIVE) {
      HttpResponse<String> response = comment("war-diary", text);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      held.add(server.comments.find(json(response).get("id").asText()).orElseThrow());
      posted++;
    }
    String reason = held.get(0).reason();
    long heldForReason = held.stream().filter(c -> c.reason().equals(reason)).count();
    Http moderatorApi = new Http(server.base);
    moderatorApi.login("moderator", PASSWORD);
    assertThat(moderatorApi.postWithCsrf("/warden/api/comments/" + held.get(0).id() + "/approve", "{}")
        .statusCode()).isEqualTo(200);
    assertThat(moderatorApi.postWithCsrf("/warden/api/comments/" + held.get(1).id() + "/reject", "{}")
        .statusCode()).isEqualTo(200);

    browser.get(server.base + "/warden/admin/");
    wait.until(d -> d.findElement(By.id("login-view")).isDisplayed());
    browser.findElement(By.id("login-user")).sendKeys("moderator");
    browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    wait.until(d -> d.findElement(By.id("queue-view")).isDisplayed());

    // Filter by the story, save it as a watch list, leave it, and come back with one click.
    browser.findElement(By.id("filter-article")).sendKeys("war-diary");
    browser.findElement(By.id("apply-filters")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#article=war-diary"));
    browser.findElement(By.id("saved-view-name")).sendKeys("War diary watch");
    browser.findElement(By.id("save-view")).click();
    WebElement saved = wait.until(d -> d.findElement(By.cssSelector(".saved-view[data-name='War diary watch']")));
    browser.findElement(By.id("clear-filters")).click();
    wait.until(d -> !d.getCurrentUrl().contains("article="));
    assertThat(browser.findElement(By.id("filter-article")).getDomProperty("value")).isEmpty();
    saved.click();
    wait.until(d -> d.getCurrentUrl().endsWith("#article=war-diary"));
    wait.until(d -> "war-diary".equals(d.findElement(By.id("filter-article")).getDomProperty("value")));

    // A section no article of this test is registered under matches nothing.
    browser.findElement(By.id("filter-section")).sendKeys("world");
    browser.findElement(By.id("apply-filters")).click();
    wait.until(d -> d.getCurrentUrl().contains("section=world"));
    wait.until(d -> d.findElement(By.id("list-summary")).getText().equals("0–0 of 0 matching"));
    browser.findElement(By.id("clear-filters")).click();
    wait.until(d -> !d.getCurrentUrl().contains("section="));

    // The stats page, from the queue's header.
    browser.findElement(By.id("stats-link")).click();
    String row = "#reasons tr[data-reason='" + reason + "']";
    wait.until(d -> !d.findElements(By.cssSelector(row)).isEmpty());
    assertThat(cell(row, "held").getText()).isEqualTo(String.valueOf(heldForReason));
    assertThat(cell(row, "hold-rate").getText())
        .isEqualTo(String.format(Locale.ROOT, "%.1f %%", 100.0 * heldForReason / posted));
    assertThat(cell(row, "decided").getText()).isEqualTo("2");
    assertThat(cell(row, "overturned").getText()).isEqualTo("1");
    assertThat(cell(row, "overturn-rate").getText()).isEqualTo("50.0 %");
    String decisions = "#decisions tr[data-moderator='moderator']";
    assertThat(cell(decisions, "approved").getText()).isEqualTo("1");
    assertThat(cell(decisions, "rejected").getText()).isEqualTo("1");
    assertThat(browser.findElement(By.id("summary")).getText()).contains(posted + " comments classified");
  }
}
