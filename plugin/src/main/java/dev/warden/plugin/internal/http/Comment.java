package dev.warden.plugin.internal.http;

import java.util.List;
import java.util.Map;

/**
 * A comment extracted from a submission.
 *
 * @param text the comment text, never blank
 * @param author the author name (may be empty)
 * @param articleId the article id, never blank
 * @param form the parsed form fields for form bodies (to re-expose via getParameter), else null
 */
record Comment(String text, String author, String articleId, Map<String, List<String>> form) {}
