/**
 * Moderation policy: which policy applies to an article (a section policy, conflict or default, from the live
 * settings read once per comment), what a classifier verdict means under it (allow, hold or reject, with a reason and
 * an explanation for moderators), the versioned live settings of this node ({@link
 * dev.warden.plugin.internal.policy.VersionedPolicies}) and the score sample written off the request path ({@link
 * dev.warden.plugin.internal.policy.ScoreSampler}).
 */
package dev.warden.plugin.internal.policy;
