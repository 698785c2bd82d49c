package dev.warden.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.PolicySettings;
import dev.warden.plugin.WardenConfigException;
import dev.warden.plugin.policy.LivePolicies;
import dev.warden.plugin.policy.PolicyVersion;
import dev.warden.plugin.policy.VersionConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live policies of the publishers' console: {@code GET /policies} (the version in force, its settings and the
 * history with what each version changed), {@code GET /policies/versions/{n}}, {@code PUT /policies} (the whole
 * settings document, validated as warden.yaml is) and {@code POST /policies/rollback/{n}}. Publishers and admins
 * only; changes need the CSRF token. A bad value is a 400 whose {@code field} names its key; a change based on a
 * version that is not the latest is a 409. Thread-safe.
 */
final class PolicyEndpoints {
  /** Versions listed by {@code GET /policies}. */
  static final int HISTORY = 50;

  private static final Logger LOG = LoggerFactory.getLogger(PolicyEndpoints.class);
  private static final Pattern VERSION = Pattern.compile("\\d{1,18}");

  private final Access access;
  private final LivePolicies policies;

  PolicyEndpoints(Access access, LivePolicies policies) {
    this.access = access;
    this.policies = policies;
  }

  void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    access.requirePublisher(request);
    PolicyVersion current = policies.current();
    // One more than shown, so that the oldest shown version's changes can be described too.
    List<PolicyVersion> versions = policies.history(HISTORY + 1);
    List<Map<String, Object>> history = new java.util.ArrayList<>();
    for (int i = 0; i < Math.min(HISTORY, versions.size()); i++) {
      PolicyVersion before = i + 1 < versions.size() ? versions.get(i + 1) : null;
      history.add(withChanges(versions.get(i), before));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("current", meta(current));
    body.put("settings", current.settings().toJson());
    body.put("labels", PolicyConfig.SCORED);
    body.put("policies", current.settings().policyNames());
    body.put("history", history);
    Json.write(response, 200, body);
  }

  void version(HttpServletRequest request, HttpServletResponse response, String number) throws IOException {
    access.requirePublisher(request);
    PolicyVersion version = find(number);
    PolicyVersion before = version.replaces() == null ? null : policies.version(version.replaces()).orElse(null);
    Map<String, Object> body = withChanges(version, before);
    body.put("settings", version.settings().toJson());
    Json.write(response, 200, body);
  }

  void put(HttpServletRequest request, HttpServletResponse response) throws IOException {
    AdminPrincipal publisher = access.requirePublisher(request);
    access.requireCsrf(request);
    JsonNode body = Json.readObject(request, false);
    JsonNode settingsNode = body.get("settings");
    if (settingsNode == null || !settingsNode.isObject()) {
      throw ApiException.invalidField("settings", "'settings' must be the whole settings object, as GET returns it.");
    }
    PolicySettings settings;
    try {
      settings = PolicySettings.fromJson(settingsNode);
    } catch (WardenConfigException e) {
      throw ApiException.invalidField(e.key(), e.getMessage().replaceFirst("^warden config: ", ""));
    }
    PolicyVersion before = policies.current();
    PolicyVersion saved = save(() -> policies.update(settings, Access.actor(publisher, request), comment(body),
        baseVersion(body)));
    LOG.info("Policy version {} saved by '{}' from {}: {} change(s)", saved.version(), publisher.user(),
        request.getRemoteAddr(), saved.settings().changesFrom(before.settings()).size());
    Json.write(response, 200, savedBody(saved));
  }

  void rollback(HttpServletRequest request, HttpServletResponse response, String number) throws IOException {
    AdminPrincipal publisher = access.requirePublisher(request);
    access.requireCsrf(request);
    JsonNode body = Json.readObject(request, true);
    PolicyVersion target = find(number);
    PolicyVersion saved = save(() -> policies.rollback(target.version(), Access.actor(publisher, request),
        comment(body), baseVersion(body)));
    LOG.info("Policy version {} saved by '{}' from {}: rollback to version {}", saved.version(), publisher.user(),
        request.getRemoteAddr(), target.version());
    Json.write(response, 200, savedBody(saved));
  }

  private PolicyVersion find(String number) {
    if (!VERSION.matcher(number).matches()) {
      throw ApiException.notFound("No policy version " + number + ".");
    }
    long n = Long.parseLong(number);
    return policies.version(n).orElseThrow(() -> ApiException.notFound("No policy version " + n + "."));
  }

  private PolicyVersion save(java.util.function.Supplier<PolicyVersion> change) {
    try {
      return change.get();
    } catch (VersionConflictException e) {
      throw ApiException.withDetails(409, "version_conflict", "Version " + e.latestVersion()
          + " was saved meanwhile; reload and make your change again.", Map.of("latestVersion", e.latestVersion()));
    } catch (NoSuchElementException e) {
      throw ApiException.notFound(e.getMessage());
    } catch (IllegalArgumentException e) {
      String field = e.getMessage() != null && e.getMessage().startsWith("author") ? "author" : "comment";
      throw ApiException.invalidField(field, e.getMessage());
    }
  }

  private Map<String, Object> savedBody(PolicyVersion saved) {
    PolicyVersion before = policies.version(saved.replaces()).orElse(null);
    Map<String, Object> body = withChanges(saved, before);
    body.put("settings", saved.settings().toJson());
    return body;
  }

  /** The version that the change is based on: {@code baseVersion} if given, else the version in force here. */
  private long baseVersion(JsonNode body) {
    JsonNode base = body.get("baseVersion");
    if (base == null || base.isNull()) {
      return policies.current().version();
    }
    if (!base.canConvertToLong() || !base.isIntegralNumber() || base.asLong() < 0) {
      throw ApiException.invalidField("baseVersion", "'baseVersion' must be a version number.");
    }
    return base.asLong();
  }

  private static String comment(JsonNode body) {
    JsonNode comment = body.get("comment");
    if (comment == null || comment.isNull()) {
      return "";
    }
    if (!comment.isTextual() || comment.asText().length() > LivePolicies.MAX_COMMENT) {
      throw ApiException.invalidField("comment", "'comment' must be a string of at most "
          + LivePolicies.MAX_COMMENT + " characters.");
    }
    return comment.asText();
  }

  private static Map<String, Object> withChanges(PolicyVersion version, PolicyVersion before) {
    Map<String, Object> view = meta(version);
    view.put("changes", before == null ? List.of() : version.settings().changesFrom(before.settings()).stream()
        .map(c -> {
          Map<String, Object> change = new LinkedHashMap<>();
          change.put("key", c.key());
          change.put("before", c.before());
          change.put("after", c.after());
          return change;
        }).toList());
    return view;
  }

  private static Map<String, Object> meta(PolicyVersion v) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("version", v.version());
    view.put("author", v.author());
    view.put("createdAt", v.createdAt().toString());
    view.put("comment", v.comment());
    view.put("replaces", v.replaces());
    view.put("restoredFrom", v.restoredFrom());
    return view;
  }
}
