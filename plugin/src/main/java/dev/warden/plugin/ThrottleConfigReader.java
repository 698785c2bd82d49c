package dev.warden.plugin;

import dev.warden.plugin.ThrottleConfig.Allowance;
import dev.warden.plugin.ThrottleConfig.KeySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the {@code throttle:} section of warden.yaml into a {@link ThrottleConfig}. Stateless. */
final class ThrottleConfigReader {

  ThrottleConfig read(ConfigSection s) {
    ConfigSection limits = s.section("limits");
    ThrottleConfig config = new ThrottleConfig(
        s.bool("enabled"),
        posterKey(s.section("poster-key")),
        limits(limits.section("default")),
        limits(limits.section("conflict")),
        allowance(s.section("per-address")),
        duplicates(s.section("duplicates")),
        coordinated(s.section("coordinated")),
        surge(s.section("surge")),
        escalation(s.section("escalation")),
        suspensions(s.section("suspensions")),
        cache(s.section("cache")),
        shared(s.section("shared")));
    limits.finish();
    s.finish();
    return config;
  }

  private static ThrottleConfig.PosterKeyConfig posterKey(ConfigSection s) {
    List<KeySource> order = new ArrayList<>();
    List<String> names = s.strings("order");
    for (int i = 0; i < names.size(); i++) {
      try {
        order.add(KeySource.valueOf(names.get(i).trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new WardenConfigException(s.key("order[" + i + "]"), names.get(i),
            "must be one of user, header, cookie, ip");
      }
    }
    ThrottleConfig.PosterKeyConfig config = new ThrottleConfig.PosterKeyConfig(order, blankToNull(s.text("header")),
        blankToNull(s.text("cookie")), s.integer("ipv6-prefix"), s.integer("ipv4-prefix"));
    s.finish();
    return config;
  }

  /** Reads one policy's limits; also what live settings use, so that both validate alike. */
  static ThrottleConfig.Limits limits(ConfigSection s) {
    ThrottleConfig.Limits limits = new ThrottleConfig.Limits(s.duration("min-interval"),
        new Allowance(s.integer("max"), s.duration("window")), allowance(s.section("per-article")));
    limits.validate(s.path());
    s.finish();
    return limits;
  }

  private static Allowance allowance(ConfigSection s) {
    Allowance allowance = new Allowance(s.integer("max"), s.duration("window"));
    allowance.validate(s.path());
    s.finish();
    return allowance;
  }

  private static java.time.Duration duplicates(ConfigSection s) {
    java.time.Duration window = s.duration("window");
    s.finish();
    return window;
  }

  private static ThrottleConfig.Coordinated coordinated(ConfigSection s) {
    ThrottleConfig.Coordinated config = new ThrottleConfig.Coordinated(s.integer("posters"), s.duration("window"),
        s.integer("min-length"));
    s.finish();
    return config;
  }

  private static ThrottleConfig.SurgeConfig surge(ConfigSection s) {
    ThrottleConfig.SurgeConfig config = new ThrottleConfig.SurgeConfig(s.bool("enabled"), s.decimal("factor"),
        s.integer("floor"), s.duration("window"), s.duration("baseline"), s.duration("min-duration"));
    s.finish();
    return config;
  }

  private static ThrottleConfig.Escalation escalation(ConfigSection s) {
    ThrottleConfig.Escalation config = new ThrottleConfig.Escalation(s.decimal("factor"),
        s.decimal("max-multiplier"), s.duration("decay"));
    s.finish();
    return config;
  }

  private static java.time.Duration suspensions(ConfigSection s) {
    java.time.Duration refresh = s.duration("refresh");
    s.finish();
    return refresh;
  }

  private static ThrottleConfig.Cache cache(ConfigSection s) {
    ThrottleConfig.Cache cache = new ThrottleConfig.Cache(s.wholeNumber("max-posters"), s.wholeNumber("max-texts"),
        s.wholeNumber("max-articles"));
    s.finish();
    return cache;
  }

  private static ThrottleConfig.Shared shared(ConfigSection s) {
    String mode = s.text("mode");
    ThrottleConfig.SharedMode parsed;
    try {
      parsed = ThrottleConfig.SharedMode.valueOf(String.valueOf(mode).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new WardenConfigException(s.key("mode"), mode, "must be local or redis");
    }
    ThrottleConfig.Shared shared = new ThrottleConfig.Shared(parsed, blankToNull(s.text("redis-url")),
        s.text("key-prefix"), s.duration("timeout"), s.duration("retry"));
    s.finish();
    return shared;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
