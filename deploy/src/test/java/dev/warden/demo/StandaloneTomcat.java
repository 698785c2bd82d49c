package dev.warden.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An Apache Tomcat distribution run as a separate process, the way an operator runs it: {@code CATALINA_HOME} is
 * the unpacked distribution, {@code CATALINA_BASE} a fresh directory with a copy of its {@code conf/} (a free
 * loopback port written into {@code server.xml}, the shutdown port off), and applications deployed by context
 * files in {@code conf/Catalina/localhost/}. Not thread-safe; one test class owns one instance.
 */
final class StandaloneTomcat implements AutoCloseable {
  private final Path home;
  private final Path base;
  private final int port;
  private Process process;

  private StandaloneTomcat(Path home, Path base, int port) {
    this.home = home;
    this.base = base;
    this.port = port;
  }

  /** Prepares {@code base} from the distribution in {@code home}, on a free port; does not start it. */
  static StandaloneTomcat prepare(Path catalinaHome, Path catalinaBase) throws IOException {
    // Tomcat resolves relative paths against its own base: hand it absolute ones.
    Path home = catalinaHome.toAbsolutePath().normalize();
    Path base = catalinaBase.toAbsolutePath().normalize();
    if (!Files.isRegularFile(home.resolve("bin/bootstrap.jar"))) {
      throw new IllegalStateException("no Tomcat distribution at " + home + " (run through mvn verify)");
    }
    for (String dir : List.of("conf/Catalina/localhost", "logs", "temp", "webapps", "work")) {
      Files.createDirectories(base.resolve(dir));
    }
    try (Stream<Path> files = Files.list(home.resolve("conf"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
      }
    }
    int port = freePort();
    Path serverXml = base.resolve("conf/server.xml");
    String xml = Files.readString(serverXml, StandardCharsets.UTF_8);
    String edited = replaceOnce(xml, "<Server port=\"8005\"", "<Server port=\"-1\"");
    edited = replaceOnce(edited, "<Connector port=\"8080\" protocol=\"HTTP/1.1\"",
        "<Connector address=\"127.0.0.1\" port=\"" + port + "\" protocol=\"HTTP/1.1\"");
    edited = replaceOnce(edited, "autoDeploy=\"true\"", "autoDeploy=\"false\"");
    Files.writeString(serverXml, edited, StandardCharsets.UTF_8);
    return new StandaloneTomcat(home, base, port);
  }

  /** Deploys an application at the root context: {@code conf/Catalina/localhost/ROOT.xml}. */
  void deployRoot(Path war, Map<String, String> contextParameters) throws IOException {
    StringBuilder xml = new StringBuilder("<Context docBase=\"").append(war.toAbsolutePath()).append("\">\n");
    contextParameters.forEach((name, value) -> xml.append("  <Parameter name=\"").append(name)
        .append("\" value=\"").append(value).append("\" override=\"false\"/>\n"));
    xml.append("</Context>\n");
    Files.writeString(base.resolve("conf/Catalina/localhost/ROOT.xml"), xml, StandardCharsets.UTF_8);
  }

  /** Starts Tomcat and returns once {@code readyPath} answers 200, or fails with Tomcat's log. */
  void start(String readyPath, Duration timeout) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(),
        "-Dcatalina.home=" + home, "-Dcatalina.base=" + base, "-Djava.io.tmpdir=" + base.resolve("temp"),
        "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
        "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
        // What catalina.sh adds on Java 9+, so Tomcat's leak detection works as in production.
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED",
        "-Xmx512m", "-cp", home.resolve("bin/bootstrap.jar") + File.pathSeparator
            + home.resolve("bin/tomcat-juli.jar"),
        "org.apache.catalina.startup.Bootstrap", "start"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
        .redirectOutput(base.resolve("logs/console.log").toFile());
    builder.environment().remove("WARDEN_CONFIG"); // the context parameter, not the test's environment, decides
    process = builder.start();
    awaitReady(readyPath, timeout);
  }

  private void awaitReady(String path, Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant end = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Tomcat exited with " + process.exitValue() + "\n" + log());
      }
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUri().resolve(path))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = "HTTP " + response.statusCode();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250); // polling interval while Tomcat starts
    }
    throw new IllegalStateException("Tomcat was not ready within " + timeout + " (" + last + ")\n" + log());
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  int port() {
    return port;
  }

  /** Everything Tomcat wrote: the console and the files under {@code logs/}. */
  String log() {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.list(base.resolve("logs"))) {
      for (Path file : files.sorted().toList()) {
        out.append("===== ").append(file.getFileName()).append(" =====\n")
            .append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
      }
    } catch (IOException e) {
      out.append("(logs unreadable: ").append(e).append(")\n");
    } catch (UncheckedIOException e) {
      out.append("(logs unreadable: ").append(e.getCause()).append(")\n");
    }
    return out.toString();
  }

  /** Stops the process tree: Tomcat and anything it started. */
  @Override
  public void close() throws InterruptedException {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      tree.forEach(ProcessHandle::destroyForcibly);
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalStateException("expected exactly one '" + from + "' in Tomcat's server.xml");
    }
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
