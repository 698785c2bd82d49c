package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The store's outage breaker on a moved ticker: when it opens, how it fails fast, probes and closes, what it logs. */
class StoreBreakerTest {
  static final Duration RETRY = Duration.ofSeconds(1);
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  static final SQLException REFUSED = new SQLException("Connection refused", "08001");

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final Ticker ticker = nanos::get;
  final StoreBreaker breaker =
      new StoreBreaker("jdbc:h2:tcp://db/w", RETRY, CONNECTION_TIMEOUT, ticker, SQLException::getMessage);
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(StoreBreaker.class);

  @BeforeEach
  void captureLog() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(log);
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void admitsEveryUseWhileClosed() {
    assertThat(breaker.admit()).isFalse();
    breaker.reached();
    assertThat(breaker.admit()).isFalse();
    assertThat(breaker.isOpen()).isFalse();
  }

  @Test
  void failsFastAfterAConnectionFailureUntilTheRetryIsDueThenLetsOneProbeThrough() {
    breaker.unreachable(REFUSED, breaker.admit());

    assertThat(breaker.isOpen()).isTrue();
    assertThatThrownBy(breaker::admit).isInstanceOf(StoreUnavailableException.class)
        .hasCause(REFUSED).hasMessageContaining("08001").hasMessageNotContaining("password")
        .satisfies(e -> assertThat(((StoreUnavailableException) e).retryIn()).isEqualTo(RETRY));
    advance(RETRY.minusMillis(1));
    assertThatThrownBy(breaker::admit).isInstanceOf(StoreUnavailableException.class);

    advance(Duration.ofMillis(1));
    assertThat(breaker.admit()).as("the probe").isTrue();
    assertThatThrownBy(breaker::admit).as("others while the probe runs")
        .isInstanceOf(StoreUnavailableException.class)
        .satisfies(e -> assertThat(((StoreUnavailableException) e).retryIn()).isZero());
  }

  @Test
  void closesWhenTheProbeReachesTheDatabase() {
    breaker.unreachable(REFUSED, breaker.admit());
    advance(RETRY);
    assertThat(breaker.admit()).isTrue();

    breaker.reached();

    assertThat(breaker.isOpen()).isFalse();
    assertThat(breaker.admit()).isFalse();
  }

  @Test
  void staysOpenForAnotherRoundWhenTheProbeFails() {
    breaker.unreachable(REFUSED, breaker.admit());
    advance(RETRY);
    assertThat(breaker.admit()).isTrue();

    breaker.unreachable(REFUSED, true);

    assertThatThrownBy(breaker::admit).isInstanceOf(StoreUnavailableException.class);
    advance(RETRY);
    assertThat(breaker.admit()).isTrue();
  }

  @Test
  void aHungProbeDoesNotKeepTheStoreClosedForever() {
    breaker.unreachable(REFUSED, breaker.admit());
    advance(RETRY);
    assertThat(breaker.admit()).isTrue(); // and never comes back

    advance(CONNECTION_TIMEOUT);
    assertThatThrownBy(breaker::admit).isInstanceOf(StoreUnavailableException.class);
    advance(RETRY);
    assertThat(breaker.admit()).as("a new probe").isTrue();
  }

  @Test
  void aFailureOfAUseThatStartedBeforeTheOutageWasSeenDoesNotPostponeTheProbe() {
    breaker.unreachable(REFUSED, false);
    advance(RETRY.dividedBy(2));
    breaker.unreachable(new SQLException("I/O error", "08006"), false);

    advance(RETRY.dividedBy(2));
    assertThat(breaker.admit()).isTrue();
  }

  @Test
  void logsOneWarningWhenItOpensAndOneInfoWhenItClosesHoweverManyUsesAreRefused() {
    breaker.unreachable(REFUSED, breaker.admit());
    for (int i = 0; i < 50; i++) {
      try {
        breaker.admit();
      } catch (StoreUnavailableException expected) {
        // refused at once
      }
      breaker.unreachable(REFUSED, false);
    }
    advance(RETRY);
    assertThat(breaker.admit()).isTrue();
    breaker.reached();

    assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    assertThat(log.list.get(0).getFormattedMessage()).contains("unreachable", "08001", "jdbc:h2:tcp://db/w",
        "Connection refused");
    assertThat(log.list.get(0).getThrowableProxy()).as("no stack trace").isNull();
    assertThat(log.list.get(1).getFormattedMessage()).contains("reachable again after 1000 ms");
  }

  @Test
  void tellsAnUnreachableDatabaseFromABusyPool() {
    assertThat(ConnectionFailures.isOutage(REFUSED, false)).isTrue();
    assertThat(ConnectionFailures.isOutage(new SQLException("broken", "90067"), true)).as("H2 server gone")
        .isTrue();
    SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException("request timed out");
    assertThat(ConnectionFailures.isOutage(poolTimeout, true)).as("every connection busy").isFalse();
    assertThat(ConnectionFailures.isOutage(poolTimeout, false)).as("the pool cannot fill itself").isTrue();
    assertThat(ConnectionFailures.isOutage(new SQLTransientConnectionException("timed out", "08001", REFUSED),
        true)).as("a timeout behind which a connection failed").isTrue();
    assertThat(ConnectionFailures.isOutage(new SQLException("duplicate key", "23505"), false)).isFalse();
    assertThat(ConnectionFailures.isOutage(new SQLException("lock timeout", "HYT00"), false)).isFalse();
  }
}
