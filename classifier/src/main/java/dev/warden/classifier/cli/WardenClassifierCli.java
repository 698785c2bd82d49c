package dev.warden.classifier.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code warden-classifier.jar}: {@code classify}, {@code train}, {@code eval} and {@code import-narratives}. */
@Command(
    name = "warden-classifier",
    mixinStandardHelpOptions = true,
    description = "Scores comments for abuse and disinformation, and trains models.",
    subcommands = {ClassifyCommand.class, TrainCommand.class, EvalCommand.class, ImportNarrativesCommand.class})
public final class WardenClassifierCli implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new WardenClassifierCli());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }
}
