/**
 * The classifier's public API: {@link dev.warden.classifier.Classifier} scores a comment and returns an
 * immutable {@link dev.warden.classifier.Verdict}. Everything else in this module is internal.
 */
package dev.warden.classifier;
