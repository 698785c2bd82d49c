package dev.warden.admin.internal;

import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.QueueQuery;
import dev.warden.plugin.store.QueueSort;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /queue}, checked one by one: {@code status}, {@code sort} ({@code newest},
 * {@code oldest}, {@code score}), the filters {@code reason}, {@code article}, {@code section}, {@code language},
 * {@code narrative}, {@code poster}, and {@code limit}, {@code offset}. An empty parameter is no filter; a bad one
 * is a 400 whose message names it. Stateless.
 */
final class QueueParams {
  static final int MAX_LIMIT = 200;

  private static final Pattern REASON = Pattern.compile("[a-z_]{1,64}");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}");

  private QueueParams() {}

  /** The store query a request asks for, or 400. */
  static QueueQuery query(HttpServletRequest request) {
    return QueueQuery.builder(status(request.getParameter("status")))
        .sort(sort(request.getParameter("sort")))
        .reason(matching(request, "reason", REASON, "a reason code such as threat or unsupported_language"))
        .articleId(printable(request, "article", 512))
        .section(printable(request, "section", 256))
        .language(lower(matching(request, "language", LANGUAGE, "a language code such as rus")))
        .narrative(printable(request, "narrative", 200))
        .posterKey(printable(request, "poster", 512))
        .limit(QueueEndpoints.intParam(request, "limit", 50, 1, MAX_LIMIT))
        .offset(QueueEndpoints.intParam(request, "offset", 0, 0, Integer.MAX_VALUE))
        .build();
  }

  static CommentStatus status(String value) {
    if (value == null || value.isEmpty()) {
      return CommentStatus.PENDING;
    }
    for (CommentStatus status : CommentStatus.values()) {
      if (status.wireName().equals(value)) {
        return status;
      }
    }
    throw ApiException.badRequest("'status' must be one of "
        + Arrays.stream(CommentStatus.values()).map(CommentStatus::wireName).toList() + ".");
  }

  private static QueueSort sort(String value) {
    if (value == null || value.isEmpty()) {
      return QueueSort.NEWEST;
    }
    try {
      return QueueSort.fromWireName(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("'sort' must be one of newest, oldest, score.");
    }
  }

  private static String matching(HttpServletRequest request, String name, Pattern pattern, String what) {
    String value = request.getParameter(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!pattern.matcher(value).matches()) {
      throw ApiException.badRequest("'" + name + "' must be " + what + ".");
    }
    return value;
  }

  private static String printable(HttpServletRequest request, String name, int max) {
    String value = request.getParameter(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.isBlank() || value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("'" + name + "' must be 1 to " + max + " printable characters.");
    }
    return value;
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
