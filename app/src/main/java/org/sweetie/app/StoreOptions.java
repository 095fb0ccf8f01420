package org.sweetie.app;

import org.sweetie.core.ConversationStore;
import org.sweetie.store.Stores;
import picocli.CommandLine.Option;

/** The --db option every command that touches the store shares. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "LOCATION", defaultValue = "${env:SWEETIE_DB:-data/sweetie.db}",
            description = "Store: a SQLite file (default: ${DEFAULT-VALUE}, or $SWEETIE_DB) or a JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/sweetie?user=sweetie")
    String location;

    ConversationStore open() {
        return Stores.open(location);
    }
}
