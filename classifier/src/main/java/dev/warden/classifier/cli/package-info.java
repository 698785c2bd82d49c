/** The command line: {@code classify} and {@code train}, one class per verb. */
package dev.warden.classifier.cli;
