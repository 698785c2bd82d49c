/** The command line: {@code classify}, {@code train}, {@code eval} and {@code import-narratives}, one class per verb. */
package dev.warden.classifier.cli;
