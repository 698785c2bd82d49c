package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.SavedComment;
import dev.warden.plugin.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New comments on an embedded H2 file go through the insert journal: what a save returns, what later reads see, and
 * what a restart does with records a killed process left behind. The kill itself is DemoCrashTest's (deploy).
 */
class JournaledInsertsTest {
  @TempDir Path dir;

  private StoreConfig config() {
    return new StoreConfig("jdbc:h2:file:" + dir.resolve("warden"), "", "", 4);
  }

  private Path journal() {
    return dir.resolve("warden.inserts.journal");
  }

  @Test
  void aSavedCommentIsWhatTheStoreReadsBack() {
    try (JdbcCommentStore store = JdbcCommentStore.open(config(), Clock.systemUTC())) {
      SavedComment saved = store.saveWithStatusToken(Comments.held("kerch-bridge", "a held comment", now()));

      assertThat(saved.comment()).usingRecursiveComparison().isEqualTo(store.find(saved.comment().id()).orElseThrow());
    }
  }

  @Test
  void theStatusLinkAndTheQueueSeeACommentAsSoonAsItIsSaved() {
    try (JdbcCommentStore store = JdbcCommentStore.open(config(), Clock.systemUTC())) {
      for (int i = 0; i < 50; i++) {
        SavedComment saved = store.saveWithStatusToken(Comments.held("kerch-bridge", "comment " + i, now()));

        assertThat(store.findByStatusToken(saved.statusToken())).as("status of comment %d", i).isPresent();
        assertThat(store.find(saved.comment().id())).as("comment %d", i).isPresent();
      }
    }
  }

  @Test
  void closingInsertsEveryCommentSavedBeforeAndEmptiesTheJournal() throws Exception {
    List<String> ids = new ArrayList<>();
    try (JdbcCommentStore store = JdbcCommentStore.open(config(), Clock.systemUTC())) {
      for (int i = 0; i < 300; i++) {
        ids.add(store.saveWithStatusToken(Comments.held("kerch-bridge", "comment " + i, now())).comment().id());
      }
    }
    assertThat(Files.size(journal())).isEqualTo(InsertJournal.HEADER);
    try (JdbcCommentStore store = JdbcCommentStore.open(config(), Clock.systemUTC())) {
      assertThat(ids).allSatisfy(id -> assertThat(store.find(id)).as(id).isPresent());
    }
  }

  @Test
  void aCommentLeftInTheJournalByAKilledProcessIsInsertedOnTheNextStart() throws Exception {
    JdbcCommentStore.open(config(), Clock.systemUTC()).close(); // the schema, as a previous run left it
    String id = UUID.randomUUID().toString();
    journalByHand(id, Comments.held("kerch-bridge", "acknowledged, then killed", now()));

    try (JdbcCommentStore store = JdbcCommentStore.open(config(), Clock.systemUTC())) {
      HeldComment comment = store.find(id).orElseThrow();
      assertThat(comment.text()).isEqualTo("acknowledged, then killed");
      assertThat(comment.status()).isEqualTo(CommentStatus.PENDING);
    }
    assertThat(Files.size(journal())).isEqualTo(InsertJournal.HEADER);
  }

  @Test
  void aJournaledCommentAlreadyInTheStoreIsNotInsertedTwice() throws Exception {
    String id;
    NewComment comment = Comments.held("kerch-bridge", "committed before the kill", now());
    try (JdbcCommentStore store = JdbcCommentStore.open(config(), Clock.systemUTC())) {
      id = store.saveWithStatusToken(comment).comment().id();
    }
    journalByHand(id, comment); // committed, but killed before the record was marked done

    try (JdbcCommentStore store = JdbcCommentStore.open(config(), Clock.systemUTC())) {
      assertThat(store.find(id)).isPresent();
      try (Connection c = DriverManager.getConnection(Database.durableUrl(config().url()));
          ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM warden_comment")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void aRecordMarkedDoneIsNotAppliedAgainSoAnErasedCommentStaysErased() throws Exception {
    JdbcCommentStore.open(config(), Clock.systemUTC()).close();
    String id = UUID.randomUUID().toString();
    try (InsertJournal journal = InsertJournal.open(journal())) {
      long end = journal.append(JsonCodec.bytes(new JournaledInserts.JournaledComment(id, CommentStatus.PENDING,
          null, Comments.held("kerch-bridge", "committed, then erased", now()))));
      journal.append(JsonCodec.bytes(new JournaledInserts.JournaledComment(UUID.randomUUID().toString(),
          CommentStatus.PENDING, null, Comments.held("kerch-bridge", "still undone", now()))));
      journal.markDone(end);
    }

    try (JdbcCommentStore store = JdbcCommentStore.open(config(), Clock.systemUTC())) {
      assertThat(store.find(id)).isEmpty();
    }
  }

  @Test
  void aJournalThatCannotBeOpenedFailsStartUpNamingTheFile() throws Exception {
    Files.createDirectories(journal()); // a directory where the journal should be

    assertThatThrownBy(() -> JdbcCommentStore.open(config(), Clock.systemUTC()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("warden.inserts.journal");
  }

  private void journalByHand(String id, NewComment comment) throws Exception {
    try (InsertJournal journal = InsertJournal.open(journal())) {
      journal.append(JsonCodec.bytes(new JournaledInserts.JournaledComment(id, CommentStatus.PENDING, null,
          comment)));
    }
  }

  private static Instant now() {
    return Instant.now();
  }
}
