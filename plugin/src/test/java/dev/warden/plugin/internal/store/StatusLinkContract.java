package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.CommentStatusView;
import dev.warden.plugin.store.CommentStatusView.State;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.SavedComment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The commenter's status link on every database: a token is issued once with a saved comment, only its hash is
 * stored, and it shows where the comment is without showing the comment.
 */
abstract class StatusLinkContract extends StoreFixture {
  private SavedComment held(String text) {
    return store.saveWithStatusToken(Comments.held("war-in-sudan", text, T0));
  }

  @Test
  void aSavedCommentGetsAFreshUrlSafeTokenOfAtLeast128Bits() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      tokens.add(held("comment " + i).statusToken());
    }

    assertThat(tokens).hasSize(50).allSatisfy(token -> assertThat(token).matches("[A-Za-z0-9_-]{32}"));
    SavedComment logged = held("logged");
    assertThat(logged.toString()).doesNotContain(logged.statusToken()).contains(logged.comment().id());
  }

  @Test
  void onlyTheSha256OfTheTokenIsStored() throws Exception {
    SavedComment saved = held("where is my comment?");

    assertThat(storedHash(saved.comment().id())).isEqualTo(sha256Hex(saved.statusToken()));
    assertThat(rowsHolding(saved.statusToken())).as("the token itself in any text column").isZero();
  }

  @Test
  void aHeldCommentIsPendingWithItsHoldReasonAndNothingElse() {
    SavedComment saved = held("my comment text, private to me");

    Optional<CommentStatusView> view = store.findByStatusToken(saved.statusToken());

    assertThat(view).contains(new CommentStatusView(State.PENDING, "abuse_hold", T0, null));
  }

  @Test
  void anApprovedCommentIsPublishedBeforeAndAfterDelivery() {
    SavedComment saved = held("approve me");
    clock.advance(Duration.ofMinutes(3));
    store.approve(saved.comment().id(), "maria");

    assertThat(store.findByStatusToken(saved.statusToken()))
        .contains(new CommentStatusView(State.PUBLISHED, null, T0, clock.instant()));
    store.markDelivered(saved.comment().id());
    assertThat(store.findByStatusToken(saved.statusToken())).map(CommentStatusView::state).contains(State.PUBLISHED);
  }

  @Test
  void aCommentWhoseDeliveryFailedIsStillPendingForItsAuthor() {
    SavedComment saved = held("undeliverable");
    store.approve(saved.comment().id(), "maria");
    store.claimNextDelivery(Duration.ofSeconds(30)).orElseThrow();
    store.recordDeliveryFailure(saved.comment().id(), "site down", null);

    assertThat(store.findByStatusToken(saved.statusToken()))
        .contains(new CommentStatusView(State.PENDING, "abuse_hold", T0, null));
  }

  @Test
  void aRejectedCommentShowsTheModeratorsReason() {
    SavedComment saved = held("reject me");
    clock.advance(Duration.ofHours(1));
    store.reject(saved.comment().id(), "ivan", "spam");

    assertThat(store.findByStatusToken(saved.statusToken()))
        .contains(new CommentStatusView(State.REJECTED, "spam", T0, clock.instant()));
  }

  @Test
  void aCommentRejectedByPolicyShowsThePolicyReasonAndWasDecidedOnReceipt() {
    SavedComment saved = store.saveWithStatusToken(Comments.rejected("war-in-sudan", "awful", T0));

    assertThat(store.findByStatusToken(saved.statusToken()))
        .contains(new CommentStatusView(State.REJECTED, "abuse", T0, T0));
    assertThat(saved.comment().status()).isEqualTo(CommentStatus.AUTO_REJECTED);
  }

  @Test
  void unknownMalformedAndAlteredTokensFindNothing() {
    SavedComment saved = held("find me only with my token");
    String token = saved.statusToken();
    char[] altered = token.toCharArray();
    altered[5] = altered[5] == 'A' ? 'B' : 'A';

    for (String wrong : Arrays.asList(null, "", " ", "short", token + "x", token.substring(1), new String(altered),
        "../" + token, token + "/x", "a".repeat(10_000), "%00" + token, StatusTokens.issue())) {
      assertThat(store.findByStatusToken(wrong)).as("token %s", wrong).isEmpty();
    }
    assertThat(store.findByStatusToken(token)).isPresent();
  }

  @Test
  void aCommentSavedWithoutATokenHasNone() throws Exception {
    HeldComment plain = store.save(Comments.held("war-in-sudan", "no link", T0));

    assertThat(storedHash(plain.id())).isNull();
  }

  @Test
  void aTokenStillWorksAfterARestart() {
    SavedComment saved = held("still there");
    store.close();

    assertThat(open().findByStatusToken(saved.statusToken())).map(CommentStatusView::state).contains(State.PENDING);
  }

  private String storedHash(String id) throws SQLException {
    store.find(id); // waits for the store's own writes (on an H2 file, new comments are written just after a save)
    try (Connection c = DriverManager.getConnection(config.url());
        PreparedStatement ps = c.prepareStatement("SELECT status_token_hash FROM warden_comment WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private long rowsHolding(String token) throws SQLException {
    String sql = "SELECT COUNT(*) FROM warden_comment WHERE status_token_hash = ? OR text LIKE ? OR explanation LIKE ?"
        + " OR path LIKE ?";
    try (Connection c = DriverManager.getConnection(config.url()); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, token);
      for (int i = 2; i <= 4; i++) {
        ps.setString(i, "%" + token + "%");
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String sha256Hex(String token) throws Exception {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
  }
}
