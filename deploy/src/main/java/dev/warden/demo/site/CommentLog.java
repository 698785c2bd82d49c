package dev.warden.demo.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's own comment store: an append-only JSON-lines file, forced to disk before a comment is acknowledged,
 * and read back into memory on start. A torn last line (a crash mid-write) is skipped. Thread-safe: all access
 * is synchronized, which is plenty for a demo.
 */
public final class CommentLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommentLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private final FileChannel channel;
  private final List<Comment> comments = new ArrayList<>();

  private CommentLog(Clock clock, FileChannel channel) {
    this.clock = clock;
    this.channel = channel;
  }

  /** Opens (creating if needed) the log at {@code file} and reads the comments already in it. */
  public static CommentLog open(Path file, Clock clock) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    List<Comment> existing = Files.exists(file) ? read(file) : List.of();
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    CommentLog log = new CommentLog(clock, channel);
    log.comments.addAll(existing);
    LOG.info("Opened comment log {} with {} comments", file, existing.size());
    return log;
  }

  /** Stores a new comment durably and returns it with its id and time. */
  public synchronized Comment append(String article, String author, String text) {
    Comment comment = new Comment("c" + (comments.size() + 1), article, author, text, clock.instant());
    byte[] line = (toJson(comment) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store comment", e);
    }
    comments.add(comment);
    return comment;
  }

  /** The comments on one article, oldest first. */
  public synchronized List<Comment> forArticle(String article) {
    return comments.stream().filter(c -> c.article().equals(article)).toList();
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  /** The JSON object for a comment, as the site's API returns it. */
  static Map<String, Object> toMap(Comment c) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", c.id());
    map.put("article", c.article());
    map.put("author", c.author());
    map.put("text", c.text());
    map.put("postedAt", c.postedAt().toString());
    return map;
  }

  private static String toJson(Comment c) {
    try {
      return JSON.writeValueAsString(toMap(c));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Comment> read(Path file) throws IOException {
    dropTornTail(file);
    List<Comment> result = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(line);
        result.add(new Comment(n.get("id").asText(), n.get("article").asText(), n.get("author").asText(),
            n.get("text").asText(), Instant.parse(n.get("postedAt").asText())));
      } catch (IOException | RuntimeException e) {
        throw new IOException("corrupt comment log " + file + " at line " + lineNo, e);
      }
    }
    return result;
  }

  /** A crash mid-append leaves a last line without its newline; it was never acknowledged, so cut it off. */
  private static void dropTornTail(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      LOG.warn("Dropping a torn last line ({} bytes) from {}", bytes.length - end, file);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(end);
        ch.force(true);
      }
    }
  }
}
