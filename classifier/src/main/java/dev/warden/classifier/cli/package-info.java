/** The command line: {@code classify}, {@code train} and {@code eval}, one class per verb. */
package dev.warden.classifier.cli;
