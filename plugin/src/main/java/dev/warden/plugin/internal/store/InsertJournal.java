package dev.warden.plugin.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of records, each written before the comment it holds is acknowledged and marked done once
 * that comment is committed to the store. Layout: an 8-byte header holding the offset up to which records are
 * done, then records of a 4-byte length, a 4-byte CRC32C and the payload. Like the H2 file it stands beside, it is
 * written without {@code fsync}: a killed process loses nothing (the bytes are in the OS page cache), a power cut
 * may lose the last writes. Reading stops at a torn or corrupt record, which can only be the last one written.
 * Not thread-safe: {@link JournaledInserts} serialises access.
 */
final class InsertJournal implements AutoCloseable {
  static final int HEADER = Long.BYTES;
  private static final int RECORD_HEADER = 2 * Integer.BYTES;

  private final Path file;
  private final FileChannel channel;
  private long end;
  private long done;

  private InsertJournal(Path file, FileChannel channel, long end, long done) {
    this.file = file;
    this.channel = channel;
    this.end = end;
    this.done = done;
  }

  /** Opens (creating if needed) the journal at {@code file}. */
  static InsertJournal open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      if (channel.size() < HEADER) {
        channel.truncate(0);
        writeDone(channel, HEADER);
      }
      long recorded = readDone(channel);
      long done = Math.max(HEADER, Math.min(recorded, channel.size()));
      if (done != recorded) {
        writeDone(channel, done); // a kill between truncate and header write in markDone left it past the end
      }
      return new InsertJournal(file, channel, channel.size(), done);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  Path file() {
    return file;
  }

  /** The payloads of the records not yet marked done, oldest first, up to the first torn or corrupt record. */
  List<byte[]> undone() throws IOException {
    List<byte[]> payloads = new ArrayList<>();
    long position = done;
    ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER);
    while (position + RECORD_HEADER <= end) {
      header.clear();
      channel.read(header, position);
      int length = header.getInt(0);
      if (length < 0 || position + RECORD_HEADER + length > end) {
        break;
      }
      ByteBuffer payload = ByteBuffer.allocate(length);
      while (payload.hasRemaining() && channel.read(payload, position + RECORD_HEADER + payload.position()) > 0) {
        // read on until full
      }
      if (payload.hasRemaining() || checksum(payload.array()) != header.getInt(4)) {
        break;
      }
      payloads.add(payload.array());
      position += RECORD_HEADER + length;
    }
    return payloads;
  }

  /** Appends a record; returns the offset just past it, to pass to {@link #markDone} once it is committed. */
  long append(byte[] payload) throws IOException {
    ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + payload.length);
    record.putInt(payload.length).putInt(checksum(payload)).put(payload).flip();
    long at = end;
    writeFully(channel, record, at);
    end = at + RECORD_HEADER + payload.length;
    return end;
  }

  /**
   * Marks every record that ends at or before {@code offset} done, so that a restart does not apply it again (a
   * comment erased after it was committed must not come back). When nothing is left undone, the file is emptied.
   */
  void markDone(long offset) throws IOException {
    done = Math.max(done, Math.min(offset, end));
    if (done == end && end > HEADER) {
      // Truncate first: a kill between the two leaves a header past the end, which open() reads as "all done".
      channel.truncate(HEADER);
      writeDone(channel, HEADER);
      done = HEADER;
      end = HEADER;
    } else {
      writeDone(channel, done);
    }
  }

  /** Marks every record done and empties the file: what a restart calls once it has applied {@link #undone()}. */
  void clear() throws IOException {
    markDone(end);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static long readDone(FileChannel channel) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    channel.read(header, 0);
    return header.getLong(0);
  }

  private static void writeDone(FileChannel channel, long offset) throws IOException {
    writeFully(channel, ByteBuffer.allocate(HEADER).putLong(0, offset), 0);
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  private static int checksum(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }
}
