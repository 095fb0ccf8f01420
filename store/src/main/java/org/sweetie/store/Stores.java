package org.sweetie.store;

import java.nio.file.Path;
import org.sweetie.core.ConversationStore;

/** Opens a conversation store, creating or migrating its schema first. */
public final class Stores {
    /** The embedded default: one SQLite file under ./data. */
    public static final Path DEFAULT_FILE = Path.of("data", "sweetie.db");

    private Stores() {
    }

    /**
     * Opens the store at a location: a JDBC URL ({@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://HOST/DB}, where
     * a {@code currentSchema} parameter selects the schema) or a plain file path for an embedded SQLite store.
     */
    public static ConversationStore open(String location) {
        return new JdbcConversationStore(Database.open(toJdbcUrl(location)));
    }

    /**
     * Opens a store that must exist already: for commands that read, so that a mistyped location is an error naming
     * it instead of a new empty store.
     */
    public static ConversationStore openExisting(String location) {
        String url = toJdbcUrl(location);
        if (!Database.exists(url)) {
            throw new StoreException("no Sweetie store at " + Database.shown(url));
        }
        return new JdbcConversationStore(Database.open(url));
    }

    public static ConversationStore openDefault() {
        return open(DEFAULT_FILE.toString());
    }

    static String toJdbcUrl(String location) {
        if (location == null || location.isBlank()) {
            throw new StoreException("no database location given");
        }
        return location.startsWith("jdbc:") ? location : "jdbc:sqlite:" + location;
    }
}
