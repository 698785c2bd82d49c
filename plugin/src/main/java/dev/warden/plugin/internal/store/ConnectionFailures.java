package dev.warden.plugin.internal.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that is unreachable from one that answered with an error or is merely busy. Only the first
 * marks the store unavailable: a constraint violation or a slow query must not turn posts away. Stateless.
 */
final class ConnectionFailures {
  /** H2's "connection is broken" (its TCP server is gone); H2 does not use SQLState class 08 for it. */
  private static final String H2_CONNECTION_BROKEN = "90067";

  private ConnectionFailures() {}

  /**
   * True if the failure says the database cannot be reached: SQLState class 08, a connection exception type, or the
   * pool's own timeout when the pool could not make connections. A pool timeout with every connection of a full
   * pool busy and no connection failure behind it is a busy database, not an outage.
   *
   * @param poolFull whether the pool held its full number of connections when the failure was seen
   */
  static boolean isOutage(SQLException failure, boolean poolFull) {
    if (failure instanceof SQLTransientConnectionException && failure.getCause() == null
        && failure.getSQLState() == null) {
      // HikariCP's "request timed out" with no connection failure behind it.
      return !poolFull;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
          || (t instanceof SQLTransientConnectionException && t != failure)) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals(H2_CONNECTION_BROKEN))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    // HikariCP's timeout with a cause: the cause is the last failure to open a connection.
    return failure instanceof SQLTransientConnectionException;
  }
}
