/**
 * The catalogue of known disinformation narratives (bundled YAML, extended by publishers' files), the TF-IDF
 * matcher that finds which narratives a comment resembles, how the narrative similarity enters the
 * disinformation score, and the reader of fact-checkers' claim CSVs. Not an API.
 */
package dev.warden.classifier.internal.narrative;
