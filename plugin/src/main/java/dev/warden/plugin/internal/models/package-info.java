/**
 * The classifier in force and its replacement while Warden runs: one owner of the classifier (models plus the
 * publishers' narratives), and the watcher that loads and checks new models from {@code models.directory} and swaps
 * them in.
 */
package dev.warden.plugin.internal.models;
