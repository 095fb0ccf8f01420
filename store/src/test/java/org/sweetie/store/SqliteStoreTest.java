package org.sweetie.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {
    @TempDir
    Path folder;

    @Override
    String freshUrl() {
        return folder.resolve("nested/sweetie.db").toString();
    }
}
