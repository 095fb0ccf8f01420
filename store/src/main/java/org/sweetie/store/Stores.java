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
        return open(location, null);
    }

    /**
     * Opens the store with its keys: free text is sealed before it reaches the database (docs/security.md). Null keys
     * write plain text; only the library's own tests and tools do that, the application always gives keys. A store
     * refuses keys that are not its own, and keys when it holds plain text.
     */
    public static ConversationStore open(String location, StoreKeys keys) {
        return new JdbcConversationStore(Database.open(toJdbcUrl(location), keys));
    }

    /**
     * Opens a store that must exist already: for commands that read, so that a mistyped location is an error naming
     * it instead of a new empty store.
     */
    public static ConversationStore openExisting(String location) {
        return openExisting(location, null);
    }

    /** {@link #openExisting(String)} with the store's keys. */
    public static ConversationStore openExisting(String location, StoreKeys keys) {
        String url = toJdbcUrl(location);
        if (!Database.exists(url)) {
            throw new StoreException("no Sweetie store at " + Database.shown(url));
        }
        return new JdbcConversationStore(Database.open(url, keys));
    }

    /**
     * Writes a consistent copy of a SQLite store to {@code target} while others may be writing it (SQLite's
     * {@code VACUUM INTO}: the committed state at one moment, in one file). A PostgreSQL store is backed up with
     * pg_dump instead (docs/security.md).
     */
    public static void snapshot(String location, java.nio.file.Path target) {
        String url = toJdbcUrl(location);
        if (Dialect.of(url) != Dialect.SQLITE) {
            throw new StoreException("a PostgreSQL store is backed up with pg_dump (docs/security.md), not here");
        }
        if (!Database.exists(url)) {
            throw new StoreException("no Sweetie store at " + Database.shown(url));
        }
        try (var c = java.sql.DriverManager.getConnection(url);
             var vacuum = c.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toString());
            vacuum.execute();
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot copy the store " + Database.shown(url) + ": " + e.getMessage());
        }
    }

    /** Whether a Sweetie store is at the location already (a SQLite file, or a schema with Sweetie's tables). */
    public static boolean exists(String location) {
        return Database.exists(toJdbcUrl(location));
    }

    /** Fails as opening would on a location that cannot be a store (no location, an unsupported URL). */
    public static void checkLocation(String location) {
        Dialect.of(toJdbcUrl(location));
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
