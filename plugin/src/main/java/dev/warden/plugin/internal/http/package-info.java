/**
 * HTTP plumbing of the moderation filter: endpoint matching, bounded body capture, comment extraction, replayable
 * requests, poster keys, the responses a reader gets and the commenter's status page. Nothing here is public API.
 */
package dev.warden.plugin.internal.http;
