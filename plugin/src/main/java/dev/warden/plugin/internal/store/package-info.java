/**
 * The JDBC implementation of the store API ({@link dev.warden.plugin.internal.store.JdbcCommentStore}): a HikariCP
 * pool, Flyway migrations from {@code db/migration/warden} and plain prepared statements, portable across H2 2.x
 * and PostgreSQL 15.
 */
package dev.warden.plugin.internal.store;
