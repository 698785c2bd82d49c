package dev.warden.admin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The Debian headless Chromium the browser tests drive, set up as in {@link AdminBrowserTest}: the test is skipped
 * (with a message) when it is not installed, except on CI, where it fails. Public because the demo's browser
 * test uses it too (through the admin UI's test jar).
 */
public final class HeadlessChromium {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private HeadlessChromium() {}

  /** A new browser with its profile in {@code profileDir}; skips the calling test if Chromium is missing. */
  public static WebDriver start(Path profileDir, String testName) throws IOException {
    boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(CHROMIUM + " or " + CHROMEDRIVER + " is missing on CI: "
          + "apt-get install -y chromium chromium-driver");
    }
    if (!installed) {
      System.err.println("SKIPPED " + testName + ": " + CHROMIUM + " or " + CHROMEDRIVER + " not installed "
          + "(apt-get install -y chromium chromium-driver)");
    }
    assumeTrue(installed, "Chromium not installed; the browser test is skipped locally (it fails on CI)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createDirectories(profileDir), "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(service, options);
  }
}
