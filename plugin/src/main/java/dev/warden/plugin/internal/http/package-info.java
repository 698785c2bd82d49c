/**
 * HTTP plumbing of the moderation filter: endpoint matching, bounded body capture, comment extraction, replayable
 * requests, poster keys and the responses a reader gets. Nothing here is public API.
 */
package dev.warden.plugin.internal.http;
