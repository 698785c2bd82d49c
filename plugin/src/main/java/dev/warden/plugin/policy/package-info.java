/**
 * The publishers' live settings and what-if data: {@link dev.warden.plugin.policy.LivePolicies} (the policies,
 * throttle limits and conflict rules in force, versioned, with rollback) and {@link
 * dev.warden.plugin.policy.ScoreSamples} (a bounded sample of recent scores for the what-if charts), and the
 * classifier's live parts: {@link dev.warden.plugin.policy.LiveNarratives} (the narrative catalogue) and {@link
 * dev.warden.plugin.policy.LiveModels} (the models in force, reloaded without a restart). The admin UI
 * uses only this package, the store package and the config records.
 */
package dev.warden.plugin.policy;
