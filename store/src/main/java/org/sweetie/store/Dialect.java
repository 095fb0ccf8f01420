package org.sweetie.store;

/**
 * The two databases Sweetie stores into. The SQL in this package is written to run on both; what differs is the
 * schema's DDL (one Flyway location each) and how a connection is tuned.
 */
enum Dialect {
    SQLITE("classpath:db/migration/sqlite"),
    POSTGRESQL("classpath:db/migration/postgresql");

    final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new StoreException("unsupported database URL (use jdbc:sqlite:FILE or jdbc:postgresql://...): "
                + jdbcUrl);
    }
}
