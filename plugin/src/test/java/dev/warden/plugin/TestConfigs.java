package dev.warden.plugin;

import java.nio.file.Path;

/** warden.yaml texts for tests: an H2 store in a temporary directory, quick-to-read policies. */
final class TestConfigs {
  static final String SECRET = "test-release-secret-0123456789abcdef";

  /** Benign, abusive and false-claim texts, far from the thresholds with the bundled model. */
  static final String BENIGN = "Thanks for the careful reporting on the evacuation of Kharkiv.";
  static final String ABUSIVE = "You are a worthless idiot and a disgusting liar, shut up.";
  static final String FALSE_CLAIM = "The massacre in Bucha was staged by crisis actors, it was a false flag.";

  private TestConfigs() {}

  /**
   * A config: conflict articles are {@code war-*} paths and the id {@code frontline}; the conflict policy rejects
   * abuse at 0.95; the outbox polls rarely, so tests drive releases themselves.
   */
  static String yaml(Path dataDir, String extra) {
    return """
        data-dir: %s
        limits: {max-body: 2KiB}
        articles:
          conflict:
            ids: [frontline]
            paths: ["/articles/war-*/comments"]
        policies:
          conflict:
            labels:
              abuse: {hold: 0.5, reject: 0.95}
        release:
          secret: %s
          target: http://127.0.0.1:9
          poll-interval: 1h
        admin: {auth: container}
        """.formatted(dataDir.toString().replace('\\', '/'), SECRET) + extra + throttleUnlessGiven(extra);
  }

  /**
   * Tests that post many comments from one address turn the throttle off; the throttle's own tests configure it
   * (a {@code throttle:} section in {@code extra}).
   */
  private static String throttleUnlessGiven(String extra) {
    return extra.startsWith("throttle:") || extra.contains("\nthrottle:") ? "" : "\nthrottle: {enabled: false}\n";
  }

  static WardenConfig config(Path dataDir, String extra) {
    return WardenConfig.parse(yaml(dataDir, extra), name -> null);
  }
}
