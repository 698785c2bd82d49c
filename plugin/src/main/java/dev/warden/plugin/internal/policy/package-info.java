/**
 * Moderation policy: which policy applies to an article (conflict or default), and what a classifier verdict
 * means under it (allow, hold or reject, with a reason and an explanation for moderators).
 */
package dev.warden.plugin.internal.policy;
