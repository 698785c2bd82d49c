package dev.warden.demo;

import java.io.PrintStream;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar warden-demo.jar [--host 0.0.0.0] [--port 8080] [--data-dir ./warden-data] [--no-warden]
 * [--store-url jdbc:postgresql://...] [--release-target URL] [--release-lease 30s] [--warden-overrides FILE]}:
 * starts the demo news site with Warden, prints where to look, and stops cleanly on SIGTERM or Ctrl-C. Several nodes given the same
 * {@code --store-url} (each with its own {@code --data-dir} and port) share one moderation queue.
 */
public final class DemoLauncher {
  private DemoLauncher() {}

  public static void main(String[] args) throws Exception {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("warden-demo: " + e.getMessage());
      System.err.println("usage: java -jar warden-demo.jar [--host 0.0.0.0] [--port 8080]"
          + " [--data-dir ./warden-data] [--no-warden] [--store-url jdbc:postgresql://...]"
          + " [--release-target URL] [--release-lease 30s] [--warden-overrides overrides.yaml]");
      System.exit(2);
      return;
    }
    DemoServer demo;
    try {
      demo = DemoServer.start(options);
    } catch (Exception e) {
      LoggerFactory.getLogger(DemoLauncher.class).error("The demo could not start", e);
      System.err.println("warden-demo: could not start: " + e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        demo.stop();
      } catch (Exception e) {
        System.err.println("warden-demo: error while stopping: " + e);
      }
    }, "demo-shutdown"));
    printBanner(demo, options, System.out);
    demo.join();
  }

  static void printBanner(DemoServer demo, DemoOptions options, PrintStream out) {
    String base = demo.baseUri().toString();
    out.println();
    out.println("Warden demo is running" + (demo.wardenEnabled() ? "" : " WITHOUT Warden (--no-warden)"));
    out.println("  News site:   " + base + "/");
    out.println("  An article:  " + base + "/articles/belarus-troops-border");
    if (demo.wardenEnabled()) {
      out.println("  Admin UI:    " + base + "/warden/admin/");
      out.println("  Moderator:   user '" + DemoServer.MODERATOR + "', password '" + demo.moderatorPassword() + "'"
          + (options.moderatorPassword() == null && DemoServer.passwordFromEnvironment() == null
              ? " (random; set " + DemoServer.PASSWORD_ENV + " to choose one)" : ""));
    }
    out.println("  Data:        " + options.dataDir());
    if (demo.wardenEnabled() && options.storeUrl() != null) {
      out.println("  Store:       " + storeName(options.storeUrl()) + " (shared by every node given this URL)");
    }
    out.println("Stop with Ctrl-C.");
    out.flush();
  }

  /** The store URL without its query (which may carry a user and password). */
  static String storeName(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
