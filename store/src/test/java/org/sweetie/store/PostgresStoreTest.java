package org.sweetie.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

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

    @Test
    void aSchemaWithoutSweetieIsNoStoreAndReadingItCreatesNothing() throws SQLException {
        String absent = "sweetie_absent_" + UUID.randomUUID().toString().replace("-", "");
        assertThatThrownBy(() -> Stores.openExisting(SERVER + "?user=" + USER + "&currentSchema=" + absent))
                .isInstanceOf(StoreException.class).hasMessageContaining("no Sweetie store at");
        try (var c = DriverManager.getConnection(SERVER + "?user=" + USER);
             var rows = c.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + absent + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        Stores.openExisting(url, keys).close(); // the store this test made exists
    }

    @Test
    void aServerThatIsNotThereIsSaidInOneLineWithoutThePassword() {
        assertThatThrownBy(() -> Stores.open("jdbc:postgresql://127.0.0.1:1/test?user=sweetie&password=hunter2"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the store jdbc:postgresql://127.0.0.1:1/test?user=sweetie"
                        + "&password=***: ")
                .hasMessageContaining("refused").hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
