package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ThrottleConfig;
import dev.warden.plugin.WardenConfig;

/** Shared by the throttle benchmarks: a config from YAML, and a ticker moved by the benchmark itself. */
final class BenchTime implements Ticker {
  private long now = 1_000_000_000_000L;

  /** The throttle config of a minimal warden.yaml, with {@code throttleYaml} (if any) under {@code throttle:}. */
  static ThrottleConfig config(String throttleYaml) {
    String yaml = """
        release: {secret: 0123456789abcdef0123456789abcdef, target: http://127.0.0.1:9}
        admin: {auth: container}
        """ + (throttleYaml.isBlank() ? "" : "throttle:\n" + throttleYaml.indent(2));
    return WardenConfig.parse(yaml, name -> null).throttle();
  }

  /** Moves time forward; single-threaded use only. */
  void advance(long nanos) {
    now += nanos;
  }

  @Override
  public long read() {
    return now;
  }
}
