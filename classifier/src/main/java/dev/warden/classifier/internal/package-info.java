/** Normaliser, feature generators, training and the OpenNLP-backed classifier. Not an API. */
package dev.warden.classifier.internal;
