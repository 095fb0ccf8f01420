package org.sweetie.store;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The storage suite against the PostgreSQL every Sweetie machine runs (127.0.0.1:5432, database test, trust auth).
 * Each test gets its own schema. When the server is not there the tests fail: they never skip.
 */
class PostgresStoreTest extends StoreContract {
    static final String SERVER = System.getProperty("sweetie.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = "postgres";
    private String schema;

    @Override
    String freshUrl() {
        schema = "sweetie_test_" + UUID.randomUUID().toString().replace("-", "");
        return SERVER + "?user=" + USER + "&currentSchema=" + schema;
    }

    @Override
    void dispose() throws SQLException {
        try (var c = DriverManager.getConnection(SERVER + "?user=" + USER); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
