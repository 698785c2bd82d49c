/**
 * The throttle's public API: what the filter asks before a comment is classified ({@link ThrottlePolicy}), and what
 * the admin API reads back (counts, top throttled posters, surges, coordinated groups). The default implementation
 * is in-memory per JVM (Caffeine); a shared store can implement the same interface without changing the filter.
 */
package dev.warden.plugin.throttle;
