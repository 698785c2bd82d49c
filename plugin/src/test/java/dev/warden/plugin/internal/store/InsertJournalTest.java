package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsertJournalTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("warden.inserts.journal");
  }

  @Test
  void recordsNotMarkedDoneAreReadBackInOrderAfterReopening() throws Exception {
    try (InsertJournal journal = InsertJournal.open(file())) {
      journal.append(bytes("first"));
      journal.append(bytes("second"));
    }
    try (InsertJournal journal = InsertJournal.open(file())) {
      assertThat(texts(journal.undone())).containsExactly("first", "second");
    }
  }

  @Test
  void recordsMarkedDoneAreNotReadBack() throws Exception {
    try (InsertJournal journal = InsertJournal.open(file())) {
      long afterFirst = journal.append(bytes("first"));
      journal.append(bytes("second"));
      journal.markDone(afterFirst);
    }
    try (InsertJournal journal = InsertJournal.open(file())) {
      assertThat(texts(journal.undone())).containsExactly("second");
    }
  }

  @Test
  void theFileIsEmptiedOnceEveryRecordIsDone() throws Exception {
    try (InsertJournal journal = InsertJournal.open(file())) {
      journal.append(bytes("first"));
      long end = journal.append(bytes("second"));
      journal.markDone(end);
      assertThat(Files.size(file())).isEqualTo(InsertJournal.HEADER);
      journal.append(bytes("third"));
    }
    try (InsertJournal journal = InsertJournal.open(file())) {
      assertThat(texts(journal.undone())).containsExactly("third");
    }
  }

  @Test
  void aRecordTornByAKillMidWriteIsIgnoredAndTheOnesBeforeItKept() throws Exception {
    try (InsertJournal journal = InsertJournal.open(file())) {
      journal.append(bytes("whole"));
      journal.append(bytes("torn at the end of the file"));
    }
    try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
      raw.setLength(raw.length() - 5);
    }
    try (InsertJournal journal = InsertJournal.open(file())) {
      assertThat(texts(journal.undone())).containsExactly("whole");
    }
  }

  @Test
  void aRecordWhoseChecksumDoesNotMatchEndsTheReading() throws Exception {
    long secondStart;
    try (InsertJournal journal = InsertJournal.open(file())) {
      secondStart = journal.append(bytes("whole"));
      journal.append(bytes("corrupt"));
      journal.append(bytes("after"));
    }
    try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
      raw.seek(secondStart + 8); // the first payload byte of the second record
      raw.write('X');
    }
    try (InsertJournal journal = InsertJournal.open(file())) {
      assertThat(texts(journal.undone())).containsExactly("whole");
    }
  }

  @Test
  void aHeaderPastTheEndOfTheFileReadsAsAllDone() throws Exception {
    try (InsertJournal journal = InsertJournal.open(file())) {
      journal.append(bytes("first"));
      journal.markDone(journal.append(bytes("second")));
    }
    // A kill between the truncation and the header write: records gone, the header still says where they ended.
    try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
      raw.writeLong(500);
    }
    try (InsertJournal journal = InsertJournal.open(file())) {
      assertThat(journal.undone()).isEmpty();
      journal.append(bytes("next"));
    }
    try (InsertJournal journal = InsertJournal.open(file())) {
      assertThat(texts(journal.undone())).containsExactly("next");
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<byte[]> payloads) {
    return payloads.stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList();
  }
}
