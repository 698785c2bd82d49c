package dev.warden.plugin.throttle;

import java.time.Instant;

/**
 * An article in temporary pre-moderation: its comment rate jumped far above its recent rate.
 *
 * @param articleId the article
 * @param since when pre-moderation started
 * @param recentRate comments per minute in the surge window when it started
 * @param baselineRate comments per minute over the baseline before it
 */
public record Surge(String articleId, Instant since, double recentRate, double baselineRate) {}
