package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Makes the README's what-if screenshot from real data: the 335 hand-labelled war comments of
 * {@code ../shared/data/comments/labeled-dev.jsonl} go through the filter onto a conflict article, a "moderator"
 * decides every held one by its human label (rejected if labelled abuse or disinformation, else approved), and a
 * publisher opens the console and moves the hold threshold. Not a test (its name is not run by {@code mvn verify}):
 *
 * <pre>
 * mvn -B -o -pl classifier,plugin,admin-ui verify -Dtest=WhatIfScreenshot -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dwarden.screenshots=$PWD/docs/screenshots
 * </pre>
 */
class WhatIfScreenshot {
  @TempDir Path dir;

  @Test
  void whatIfOnRealComments() throws Exception {
    Path out = Path.of(System.getProperty("warden.screenshots", "target/screenshots"));
    Path data = sharedData().resolve("comments/labeled-dev.jsonl");
    String yaml = AdminServer.yaml(dir.resolve("data")) + """
        articles:
          conflict: {paths: ["/articles/war-*/comments"]}
        throttle: {enabled: false}
        """;
    try (AdminServer server = AdminServer.startWithSite(yaml)) {
      Http moderator = new Http(server.base);
      moderator.login("moderator", PASSWORD);
      int held = 0;
      for (String line : Files.readAllLines(data, StandardCharsets.UTF_8)) {
        JsonNode comment = Http.JSON.readTree(line);
        String body = Http.JSON.createObjectNode().put("text", comment.get("text").asText()).toString();
        HttpResponse<String> response = new Http(server.base).post("/articles/war-in-ukraine/comments", body,
            "Content-Type", "application/json");
        if (response.statusCode() == 202) {
          held++;
          boolean bad = "abuse".equals(comment.get("abuse").asText())
              || "disinfo".equals(comment.get("disinfo").asText());
          String id = json(response).get("id").asText();
          moderator.postWithCsrf("/warden/api/comments/" + id + (bad ? "/reject" : "/approve"), "{}");
        }
      }
      System.out.println("WhatIfScreenshot: " + held + " of the real comments were held and decided");
      shoot(server, out);
    }
  }

  private static void shoot(AdminServer server, Path out) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1400,1000", "--force-device-scale-factor=1");
    WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
      browser.get(server.base + "/warden/admin/console.html");
      wait.until(d -> d.findElement(By.id("login-view")).isDisplayed());
      browser.findElement(By.id("login-user")).sendKeys("publisher");
      browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
      browser.findElement(By.id("login-submit")).click();
      wait.until(d -> d.findElement(By.id("whatif-readout")).getText().contains("comments/day"));
      WebElement slider = browser.findElement(By.id("whatif-slider"));
      slider.click();
      slider.sendKeys(Keys.HOME);
      for (int i = 0; i < 35; i++) {
        slider.sendKeys(Keys.ARROW_RIGHT);
      }
      wait.until(d -> d.findElement(By.id("whatif-value")).getText().equals("0.35"));
      // The slider's focus ring off the picture, and the page at its top.
      ((JavascriptExecutor) browser).executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
      Files.createDirectories(out);
      File shot = browser.findElement(By.cssSelector(".columns")).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), out.resolve("whatif.png"), StandardCopyOption.REPLACE_EXISTING);
      assertThat(out.resolve("whatif.png")).exists();
    } finally {
      browser.quit();
    }
  }

  /** {@code WARDEN_SHARED_DATA}, else {@code ../shared/data} beside the project root. */
  private static Path sharedData() {
    String env = System.getenv("WARDEN_SHARED_DATA");
    for (Path candidate : List.of(env == null ? Path.of("/nonexistent") : Path.of(env),
        Path.of("..", "..", "shared", "data").toAbsolutePath().normalize())) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared data: set WARDEN_SHARED_DATA or put ../shared/data beside the project");
  }
}
