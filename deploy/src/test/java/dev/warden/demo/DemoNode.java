package dev.warden.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One demo node as its own JVM process ({@code java -cp <test class path> dev.warden.demo.DemoLauncher}), so that
 * it can be killed like a crashed server. Its port is read from the banner on stdout; stdout and stderr go to
 * {@code <data-dir>/node.log} for the failure message.
 */
final class DemoNode implements AutoCloseable {
  private static final Pattern BANNER = Pattern.compile("News site: +(http://\\S+)/");
  private static final long START_SECONDS = 60;

  final String name;
  final Path dataDir;
  private final Process process;
  private final URI base;

  private DemoNode(String name, Path dataDir, Process process, URI base) {
    this.name = name;
    this.dataDir = dataDir;
    this.process = process;
    this.base = base;
  }

  /** Starts a node; the extra arguments are launcher options such as {@code --store-url}. */
  static DemoNode start(String name, Path dataDir, String password, List<String> options) throws Exception {
    Files.createDirectories(dataDir);
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), DemoLauncher.class.getName(),
        "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString()));
    command.addAll(options);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put(DemoServer.PASSWORD_ENV, password);
    builder.environment().remove(DemoOptions.STORE_URL_ENV);
    Process process = builder.start();
    CompletableFuture<URI> started = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(process, dataDir.resolve("node.log"), started), "node-" + name + "-output");
    pump.setDaemon(true);
    pump.start();
    try {
      return new DemoNode(name, dataDir, process, started.get(START_SECONDS, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("node " + name + " did not start; its log:\n" + logTail(dataDir), e);
    }
  }

  /** Copies the node's output to its log and completes {@code started} with the base URL from the banner. */
  private static void pump(Process process, Path log, CompletableFuture<URI> started) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(line);
        Matcher m = BANNER.matcher(line);
        if (m.find()) {
          started.complete(URI.create(m.group(1)));
        }
      }
    } catch (IOException e) {
      started.completeExceptionally(e);
    }
    started.completeExceptionally(new IllegalStateException("the node's output ended before its banner"));
  }

  URI base() {
    return base;
  }

  DemoHttp http() {
    return new DemoHttp(base);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook runs, claims stay in the database as the node left them. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("node " + name + " did not die");
    }
  }

  /** The last lines of the node's log. */
  static String logTail(Path dataDir) {
    try {
      List<String> lines = Files.readAllLines(dataDir.resolve("node.log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** The lines of the node's log that contain {@code text}. */
  static List<String> logLines(Path dataDir, String text) {
    try {
      return Files.readAllLines(dataDir.resolve("node.log"), StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains(text)).toList();
    } catch (IOException e) {
      return List.of("(no log: " + e + ")");
    }
  }

  /** The exit status once the process has ended (143 after a SIGTERM it handled, 137 after {@link #kill}). */
  int exitValue() {
    return process.exitValue();
  }

  /** Stops the node gracefully (SIGTERM), or kills it if it does not stop in time. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      kill();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
