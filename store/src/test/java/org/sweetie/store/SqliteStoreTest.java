package org.sweetie.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {
    @TempDir
    Path folder;
    private int stores;

    @Override
    String freshUrl() {
        return folder.resolve("nested/sweetie-" + ++stores + ".db").toString();
    }
}
