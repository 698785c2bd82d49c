package dev.warden.admin.internal;

import dev.warden.plugin.policy.LiveModels;
import dev.warden.plugin.policy.ModelInfo;
import dev.warden.plugin.policy.ModelReload;
import dev.warden.plugin.store.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier models, for operators (role admin): {@code GET /models} (the version in force, where from, since
 * when) and {@code POST /models/reload} (load {@code models.directory} now; 200 with the old and new versions, or
 * 422 {@code model_refused} with the reason, the models in force staying). Reloads are audited
 * ({@code model_reload}). Thread-safe.
 */
final class ModelEndpoints {
  private static final Logger LOG = LoggerFactory.getLogger(ModelEndpoints.class);

  private final Access access;
  private final LiveModels models;
  private final AuditTrail audit;

  ModelEndpoints(Access access, LiveModels models, AuditTrail audit) {
    this.access = access;
    this.models = models;
    this.audit = audit;
  }

  void current(HttpServletRequest request, HttpServletResponse response) throws IOException {
    access.requireAdmin(request);
    Json.write(response, 200, view(models.current()));
  }

  void reload(HttpServletRequest request, HttpServletResponse response) throws IOException {
    AdminPrincipal admin = access.requireAdmin(request);
    access.requireCsrf(request);
    ModelReload reload = models.reload();
    boolean swapped = reload.outcome() == ModelReload.Outcome.SWAPPED;
    audit.record(Access.actor(admin, request), "model_reload", null, swapped
        ? reload.previousVersion() + " -> " + reload.version()
        : "refused, " + reload.version() + " stays: " + reload.error());
    LOG.info("Models: reload by '{}' from {}: {} ({} -> {})", admin.user(), request.getRemoteAddr(),
        reload.outcome().wireName(), reload.previousVersion(), reload.version());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("outcome", reload.outcome().wireName());
    details.put("previousVersion", reload.previousVersion());
    details.put("version", reload.version());
    details.put("loadMillis", reload.loadTime().toMillis());
    if (!swapped) {
      throw ApiException.withDetails(422, "model_refused", reload.error(), details);
    }
    details.put("model", view(models.current()));
    Json.write(response, 200, details);
  }

  private static Map<String, Object> view(ModelInfo info) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("version", info.version());
    view.put("directory", info.directory() == null ? null : info.directory().toString());
    view.put("loadedAt", info.loadedAt().toString());
    view.put("watched", info.watched());
    return view;
  }
}
