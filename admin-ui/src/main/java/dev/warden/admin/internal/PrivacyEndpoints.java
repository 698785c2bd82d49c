package dev.warden.admin.internal;

import dev.warden.plugin.store.AuditTarget;
import dev.warden.plugin.store.AuditTrail;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.PosterData;
import dev.warden.plugin.store.PosterData.SuspensionRecord;
import dev.warden.plugin.store.PosterDataStore;
import dev.warden.plugin.store.PosterErasure;
import dev.warden.plugin.store.PosterNote;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poster's data on request (privacy law): {@code GET /posters/{key}/export} answers everything stored about the
 * key as a JSON attachment (and audits the export, unless nothing was stored), {@code DELETE /posters/{key}/data} erases it and answers what
 * was removed. Admins only; the erasure needs the CSRF token. The erasure is logged and audited under a pseudonym,
 * never the key. Thread-safe.
 */
final class PrivacyEndpoints {
  /** The audit action of an export. */
  static final String EXPORT_ACTION = "export_poster";

  private static final Logger LOG = LoggerFactory.getLogger(PrivacyEndpoints.class);

  private final Access access;
  private final PosterDataStore posterData;
  private final AuditTrail audit;

  /** @param posterData null if the embedder offers no privacy requests: every call is then a 404 */
  PrivacyEndpoints(Access access, PosterDataStore posterData, AuditTrail audit) {
    this.access = access;
    this.posterData = posterData;
    this.audit = audit;
  }

  void export(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
    AdminPrincipal admin = access.requireAdmin(request);
    PosterData data = available().export(PosterEndpoints.checked(key));
    if (!data.isEmpty()) {
      // Not when nothing is stored: recording the key then would be the only trace of it (e.g. after an erasure).
      audit.record(Access.actor(admin, request), EXPORT_ACTION, AuditTarget.poster(key), null);
    }
    LOG.info("Data of a poster exported by '{}': {} comments", admin.user(), data.comments().size());
    response.setHeader("Content-Disposition", "attachment; filename=\"warden-poster-export.json\"");
    Json.write(response, 200, view(data));
  }

  void erase(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
    AdminPrincipal admin = access.requireAdmin(request);
    access.requireCsrf(request);
    PosterErasure erasure = available().erase(PosterEndpoints.checked(key), Access.actor(admin, request));
    LOG.info("Data of poster {} erased by '{}': {} comments, {} notes, {} suspensions", erasure.pseudonym(),
        admin.user(), erasure.comments(), erasure.notes(), erasure.suspensions());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pseudonym", erasure.pseudonym());
    body.put("comments", erasure.comments());
    body.put("notes", erasure.notes());
    body.put("suspensions", erasure.suspensions());
    body.put("auditEvents", erasure.auditEvents());
    Json.write(response, 200, body);
  }

  private PosterDataStore available() {
    if (posterData == null) {
      throw ApiException.notFound("Privacy requests are not available in this installation.");
    }
    return posterData;
  }

  private static Map<String, Object> view(PosterData data) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("posterKey", data.posterKey());
    view.put("exportedAt", data.exportedAt().toString());
    view.put("comments", data.comments().stream().map(PrivacyEndpoints::comment).toList());
    view.put("notes", data.notes().stream().map(PrivacyEndpoints::note).toList());
    view.put("suspensions", data.suspensions().stream().map(PrivacyEndpoints::suspension).toList());
    view.put("audit", data.audit().stream().map(AuditEndpoints::view).toList());
    return view;
  }

  /** Everything stored of a comment, the raw submission included (base64: it may not be text). */
  private static Map<String, Object> comment(HeldComment c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", c.id());
    view.put("articleId", c.articleId());
    view.put("author", c.author());
    view.put("text", c.text());
    view.put("status", c.status().wireName());
    view.put("decision", c.decision().name().toLowerCase(Locale.ROOT));
    view.put("reason", c.reason());
    view.put("scores", new TreeMap<>(c.scores()));
    view.put("explanation", c.explanation());
    view.put("group", c.group());
    view.put("receivedAt", c.receivedAt().toString());
    view.put("decidedAt", c.decidedAt() == null ? null : c.decidedAt().toString());
    view.put("decidedBy", c.decidedBy());
    view.put("rejectReason", c.rejectReason());
    view.put("deliveryAttempts", c.deliveryAttempts());
    view.put("lastDeliveryError", c.lastDeliveryError());
    view.put("withdrawal", c.withdrawal() == null ? null : Map.of(
        "requestedAt", c.withdrawal().requestedAt().toString(), "requestedBy", c.withdrawal().requestedBy()));
    Map<String, Object> submission = new LinkedHashMap<>();
    submission.put("method", c.submission().method());
    submission.put("path", c.submission().path());
    submission.put("contentType", c.submission().contentType());
    submission.put("bodyBase64", Base64.getEncoder().encodeToString(c.submission().body()));
    view.put("submission", submission);
    return view;
  }

  private static Map<String, Object> note(PosterNote n) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", n.id());
    view.put("at", n.at().toString());
    view.put("author", n.author());
    view.put("text", n.text());
    return view;
  }

  private static Map<String, Object> suspension(SuspensionRecord s) {
    Map<String, Object> view = new LinkedHashMap<>(PosterEndpoints.view(s.suspension()));
    view.put("liftedAt", s.liftedAt() == null ? null : s.liftedAt().toString());
    view.put("liftedBy", s.liftedBy());
    return view;
  }
}
