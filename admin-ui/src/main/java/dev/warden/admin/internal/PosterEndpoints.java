package dev.warden.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.PosterSuspensions;
import dev.warden.plugin.store.Suspension;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poster suspensions: {@code GET /posters/suspended}, {@code GET /posters/{key}},
 * {@code POST /posters/{key}/suspend} (body {@code {"for": "24h"}} or {@code {"until": "<ISO instant>"}}, optional
 * {@code "reason"}) and {@code DELETE /posters/{key}/suspend} (lift). A key may contain {@code /} (an IPv6 prefix
 * such as {@code ip:2001:db8:1:2:0:0:0:0/64}): it is everything between {@code /posters/} and the action.
 * Moderators only; changes need the CSRF token. Thread-safe.
 */
final class PosterEndpoints {
  /** Longest suspension a moderator can set at once. */
  static final Duration MAX_SUSPENSION = Duration.ofDays(365);

  private static final Logger LOG = LoggerFactory.getLogger(PosterEndpoints.class);
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*(m|h|d)");
  private static final int MAX_KEY_CHARS = 200;
  private static final int MAX_LIST = 1000;

  private final Access access;
  private final PosterSuspensions suspensions;
  private final Clock clock;

  PosterEndpoints(Access access, PosterSuspensions suspensions, Clock clock) {
    this.access = access;
    this.suspensions = suspensions;
    this.clock = clock;
  }

  void suspended(HttpServletRequest request, HttpServletResponse response) throws IOException {
    access.requireModerator(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", suspensions.active(clock.instant(), MAX_LIST).stream().map(PosterEndpoints::view).toList());
    Json.write(response, 200, body);
  }

  void poster(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
    access.requireModerator(request);
    Optional<Suspension> suspension = suspensions.find(checked(key), clock.instant());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("suspension", suspension.map(PosterEndpoints::view).orElse(null));
    Json.write(response, 200, body);
  }

  void suspend(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
    AdminPrincipal moderator = access.requireModerator(request);
    access.requireCsrf(request);
    JsonNode body = Json.readObject(request, false);
    Instant now = clock.instant();
    Instant until = until(body, now);
    String reason = reason(body.get("reason"));
    Suspension suspension;
    try {
      suspension = suspensions.suspend(checked(key), until, reason, Access.actor(moderator, request));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    LOG.info("Poster {} suspended until {} by '{}'", key, until, moderator.user());
    Json.write(response, 200, view(suspension));
  }

  void lift(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
    AdminPrincipal moderator = access.requireModerator(request);
    access.requireCsrf(request);
    if (!suspensions.lift(checked(key), Access.actor(moderator, request))) {
      throw ApiException.notFound("Poster " + key + " is not suspended.");
    }
    LOG.info("Suspension of poster {} lifted by '{}'", key, moderator.user());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("suspension", null);
    Json.write(response, 200, body);
  }

  /** The key of a {@code /posters/{key}/...} path, or 400. */
  static String checked(String key) {
    if (key.isBlank() || key.length() > MAX_KEY_CHARS || key.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("A poster key has 1 to " + MAX_KEY_CHARS + " printable characters.");
    }
    return key;
  }

  private static Instant until(JsonNode body, Instant now) {
    JsonNode forNode = body.get("for");
    JsonNode untilNode = body.get("until");
    if ((forNode == null) == (untilNode == null)) {
      throw ApiException.badRequest("Give exactly one of 'for' (e.g. \"24h\", \"7d\", \"PT30M\") or 'until'.");
    }
    Instant until = forNode != null ? now.plus(duration(forNode)) : instant(untilNode);
    if (!until.isAfter(now) || until.isAfter(now.plus(MAX_SUSPENSION))) {
      throw ApiException.badRequest("A suspension ends in the future and within 365 days.");
    }
    return until;
  }

  private static Duration duration(JsonNode node) {
    String text = node.isTextual() ? node.asText().trim() : "";
    Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("'for' must be a duration such as \"30m\", \"24h\", \"7d\" or \"PT30M\".");
    }
  }

  private static Instant instant(JsonNode node) {
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("'until' must be an ISO-8601 instant such as \"2026-12-01T00:00:00Z\".");
    }
  }

  private static String reason(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isTextual() || node.asText().length() > 500) {
      throw ApiException.badRequest("'reason' must be text of at most 500 characters.");
    }
    return node.asText().strip();
  }

  static Map<String, Object> view(Suspension s) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("key", s.posterKey());
    view.put("since", s.since().toString());
    view.put("until", s.until().toString());
    view.put("reason", s.reason());
    view.put("suspendedBy", s.suspendedBy());
    return view;
  }
}
