package org.sweetie.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One capturing run per store, on SQLite (a file lock) and PostgreSQL (an advisory lock). */
class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondRunOnASqliteStoreIsRefusedUntilTheFirstEnds() {
        String store = dir.resolve("sweetie.db").toString();
        try (RunLock first = RunLock.claim(store)) {
            assertThatThrownBy(() -> RunLock.claim(store)).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("another sweetie process is writing to " + store + " (sweetie run, pid "
                            + ProcessHandle.current().pid() + ", since ");
            RunLock.claim(dir.resolve("other.db").toString()).close(); // another store is another claim
        }
        RunLock.claim(store).close();
    }

    @Test
    void aSecondRunOnAPostgresSchemaIsRefusedUntilTheFirstEnds() {
        String base = PostgresStoreTest.SERVER + "?user=" + PostgresStoreTest.USER + "&currentSchema=";
        String schema = base + "sweetie_lock_" + UUID.randomUUID().toString().replace("-", "");
        try (RunLock first = RunLock.claim(schema)) {
            assertThatThrownBy(() -> RunLock.claim(schema)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("another sweetie process is writing to");
            RunLock.claim(base + "sweetie_lock_elsewhere").close();
        }
        RunLock.claim(schema).close();
    }
}
