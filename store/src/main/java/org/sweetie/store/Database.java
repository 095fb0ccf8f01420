package org.sweetie.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The connections of one open store. Writes go through a single writer connection, owned by one unit of work at a
 * time (the write lock): a conversation's order is decided there, and SQLite allows one writer anyway. Reads use
 * their own connection, so a reader sees only committed data and never waits for a long import.
 */
final class Database implements AutoCloseable {
    /** Where the SQL must differ (a new row's id); everything else in this package runs on both. */
    final Dialect dialect;
    /** How free text is written and compared: sealed with the store's keys (docs/security.md). */
    final Sealer sealer;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock connectionLock = new ReentrantLock();
    /** The open unit of work; only read by the thread holding the write lock. */
    private JdbcAppender unit;
    private final ReentrantLock readLock = new ReentrantLock();

    /** Statements kept prepared, by SQL, on the writer (guarded by the connection lock) and the reader (read lock). */
    private final Map<String, PreparedStatement> writerStatements = new HashMap<>();
    private final Map<String, PreparedStatement> readerStatements = new HashMap<>();

    /** SQLite only: copies the write-ahead log into the database off the commit path; null for PostgreSQL. */
    private final WalCheckpointer checkpointer;

    private Database(Dialect dialect, Sealer sealer, Connection writer, Connection reader,
                     WalCheckpointer checkpointer) {
        this.dialect = dialect;
        this.sealer = sealer;
        this.writer = writer;
        this.reader = reader;
        this.checkpointer = checkpointer;
    }

    static Database open(String url, StoreKeys keys) {
        Dialect dialect = Dialect.of(url);
        Sealer sealer = Sealer.of(keys);
        if (dialect == Dialect.SQLITE) {
            createParentFolder(url);
        }
        migrate(dialect, url);
        try {
            Connection writer = connect(dialect, url);
            writer.setAutoCommit(false);
            try {
                checkKeys(writer, sealer, url);
            } catch (RuntimeException | SQLException e) {
                writer.close();
                throw e;
            }
            Connection reader = connect(dialect, url);
            reader.setAutoCommit(true);
            WalCheckpointer checkpointer = dialect == Dialect.SQLITE
                    ? new WalCheckpointer(connect(dialect, url)) : null;
            return new Database(dialect, sealer, writer, reader, checkpointer);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + shown(url) + ": " + reason(e));
        }
    }

    /**
     * Refuses keys that are not the store's own, and a store written without keys opened with keys (or the other way
     * round): its values would not open, or new values would be written in the clear beside sealed ones. A new store
     * takes the keys it is first opened with.
     */
    private static void checkKeys(Connection c, Sealer sealer, String url) throws SQLException {
        String storedId = null;
        String storedCheck = null;
        try (var q = c.prepareStatement("SELECT key_id, key_check FROM store_key WHERE id = 1");
             var r = q.executeQuery()) {
            if (r.next()) {
                storedId = r.getString(1);
                storedCheck = r.getString(2);
            }
        }
        String where = shown(url);
        if (storedId == null) {
            if (sealer.keyId() == null) {
                c.rollback();
                return;
            }
            try (var q = c.prepareStatement("SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM "
                    + "evidence_entry)"); var r = q.executeQuery()) {
                r.next();
                if (r.getLong(1) > 0) {
                    c.rollback();
                    throw new StoreException("the store " + where + " was written without encryption by an earlier "
                            + "Sweetie: import its logs again into a new store (docs/security.md, 'Stores written "
                            + "before encryption')");
                }
            }
            try (var insert = c.prepareStatement(
                    "INSERT INTO store_key (id, key_id, key_check) VALUES (1, ?, ?)")) {
                insert.setString(1, sealer.keyId());
                insert.setString(2, sealer.seal(KEY_CHECK, "store_key.key_check", sealer.keyId()));
                insert.executeUpdate();
            }
            c.commit();
            return;
        }
        c.rollback();
        if (sealer.keyId() == null) {
            throw new StoreException("the store " + where + " is encrypted: it opens only with its key file and "
                    + "passphrase");
        }
        if (!storedId.equals(sealer.keyId())) {
            throw new StoreException("the key file is not the one of the store " + where + " (the store's key id is "
                    + storedId + ", the file's " + sealer.keyId() + "): give the store's own key file with --keys");
        }
        try {
            if (!KEY_CHECK.equals(sealer.open(storedCheck, "store_key.key_check", storedId))) {
                throw new StoreException("the store " + where + " does not open with this key file");
            }
        } catch (StoreException e) {
            throw new StoreException("the key file has the store's id but not its data key: the store " + where
                    + " does not open with it");
        }
    }

    private static final String KEY_CHECK = "sweetie store key check";

    private static Connection connect(Dialect dialect, String url) throws SQLException {
        Connection connection;
        if (dialect == Dialect.SQLITE) {
            // Sweetie reads the ids it needs back with a query; without this the driver asks SQLite for the last
            // row id after every INSERT, a tenth of the capture writer's time
            java.util.Properties settings = new java.util.Properties();
            settings.setProperty("jdbc.get_generated_keys", "false");
            connection = DriverManager.getConnection(url, settings);
        } else {
            connection = DriverManager.getConnection(url);
        }
        if (dialect == Dialect.SQLITE) {
            try (Statement s = connection.createStatement()) {
                // WAL with synchronous=FULL: a commit is on disk when it returns, readers do not block the writer.
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
                // A purge (data minimisation) must not leave the deleted text in free pages of the file.
                s.execute("PRAGMA secure_delete=ON");
                // Bulk imports spend their time in SQLite's B-trees: memory-mapped reads and a larger page cache
                // made them a third faster (sweetie bench import).
                s.execute("PRAGMA cache_size=-65536");
                s.execute("PRAGMA mmap_size=268435456");
                s.execute("PRAGMA wal_autocheckpoint=0"); // the WalCheckpointer does it, off the commit path
            }
        }
        return connection;
    }

    private static void migrate(Dialect dialect, String url) {
        var config = Flyway.configure().dataSource(url, null, null).locations(dialect.migrations)
                .loggers("slf4j");
        String schema = currentSchema(url);
        if (schema != null) {
            config.schemas(schema);
        }
        try {
            config.load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot open the store " + shown(url) + ": " + reason(e));
        }
    }

    /**
     * Whether a Sweetie store is at this URL already: its SQLite file exists, or the PostgreSQL schema holds
     * Sweetie's migration history. A command that only reads must not create an empty store from a mistyped name.
     */
    static boolean exists(String url) {
        Dialect dialect = Dialect.of(url);
        if (dialect == Dialect.SQLITE) {
            String file = sqliteFile(url);
            return file == null || Files.exists(Path.of(file));
        }
        try (Connection c = DriverManager.getConnection(url);
             var tables = c.getMetaData().getTables(null, currentSchema(url) == null ? "public" : currentSchema(url),
                     "flyway_schema_history", null)) {
            return tables.next();
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + shown(url) + ": " + reason(e));
        }
    }

    /** A URL as it may be printed: a password in its parameters is not. */
    static String shown(String url) {
        String shown = url.replaceAll("(?i)(password=)[^&]*", "$1***");
        return shown.startsWith("jdbc:sqlite:") ? shown.substring("jdbc:sqlite:".length()) : shown;
    }

    /** The database's own first sentence of why: Flyway wraps it in a multi-line report with dashes. */
    private static String reason(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                deepest = t;
            }
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("---")).findFirst()
                .orElse(message);
    }

    /** The PostgreSQL schema named by a currentSchema URL parameter, which Flyway must create and migrate. */
    static String currentSchema(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        return Arrays.stream(url.substring(query + 1).split("&"))
                .filter(p -> p.startsWith("currentSchema="))
                .map(p -> p.substring("currentSchema=".length()))
                .findFirst().orElse(null);
    }

    /** The file of a SQLite URL, or null for an in-memory database or a URI form. */
    static String sqliteFile(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        return file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:") ? null : file;
    }

    private static void createParentFolder(String url) {
        String file = sqliteFile(url);
        if (file == null) {
            return;
        }
        Path path = Path.of(file).toAbsolutePath();
        try {
            // Only this user reads what partners wrote: folders made here are 0700, a new database file 0600
            // (SQLite gives its -wal and -shm files the database file's mode). Existing folders are left as they
            // are: the file may be in a shared one such as /tmp.
            Files.createDirectories(path.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            if (!Files.exists(path)) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made by another process at the same moment: SQLite opens it as it is
        } catch (IOException e) {
            throw new StoreException("cannot create the database file " + file + ": " + e);
        }
    }

    /**
     * Work on the writer connection, committed when it returns. Inside an appender's unit of work on the same thread
     * it joins that unit instead, so what it creates commits (or is discarded) together with what the appender adds.
     */
    <T> T write(SqlWork<T> work) {
        writeLock.lock();
        boolean ownTransaction = writeLock.getHoldCount() == 1;
        try {
            if (!ownTransaction && unit != null) {
                unit.awaitInFlight(); // what the unit is still inserting must be there for this call to see
            }
            return onWriter(c -> {
                T result = work.run(c);
                if (ownTransaction) {
                    c.commit();
                    committed();
                }
                return result;
            });
        } catch (SQLException | RuntimeException e) {
            if (ownTransaction) {
                rollbackQuietly(e);
            }
            throw e instanceof SQLException sql ? new StoreException("write failed", sql) : (RuntimeException) e;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs JDBC calls on the writer connection, one sequence at a time: a unit of work may have a batch being
     * inserted on another thread while its own thread looks something up.
     */
    <T> T onWriter(SqlWork<T> work) throws SQLException {
        connectionLock.lock();
        try {
            return work.run(writer);
        } finally {
            connectionLock.unlock();
        }
    }

    /**
     * A statement prepared once per connection and kept: for the SQL of every first contact (the accounts, the
     * conversation), where preparing a statement cost SQLite more than running it and a burst of new partners made
     * the capture writer spend most of its time preparing. The caller binds every parameter, closes what it reads
     * and does not close the statement. Only inside work on the writer ({@link #onWriter}) or the reader
     * ({@link #read}).
     */
    PreparedStatement kept(Connection c, String sql) throws SQLException {
        Map<String, PreparedStatement> statements;
        if (c == writer && connectionLock.isHeldByCurrentThread()) {
            statements = writerStatements;
        } else if (c == reader && readLock.isHeldByCurrentThread()) {
            statements = readerStatements;
        } else {
            throw new IllegalStateException("a kept statement is used only inside work on the store's connections");
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = c.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Called after every commit of the writer. */
    void committed() {
        if (checkpointer != null) {
            checkpointer.nudge();
        }
    }

    /**
     * Where each conversation ended at the last commit (its last sequence number), so that a new unit of work need
     * not ask the database, and wait for the inserts in flight, for every conversation it touches. Only used while
     * holding the writer; Sweetie is the only writer of its store.
     */
    private final Map<Long, Long> committedTails = new HashMap<>();

    Long committedTail(long conversationId) {
        return committedTails.get(conversationId);
    }

    void rememberTails(Map<Long, Long> tails) {
        committedTails.putAll(tails);
    }

    /** Deleted conversations' ids may be given again (SQLite reuses the highest rowid): forget where they ended. */
    void forgetTails(java.util.Collection<Long> conversationIds) {
        conversationIds.forEach(committedTails::remove);
    }

    /** Holds the writer for a unit of work spanning several calls (an appender); pair with {@link #release()}. */
    void acquireWriter(JdbcAppender owner) {
        writeLock.lock();
        unit = owner;
    }

    void release() {
        unit = null;
        writeLock.unlock();
    }

    /** The unit of work the calling thread has open, or null. */
    JdbcAppender currentUnit() {
        return writeLock.isHeldByCurrentThread() ? unit : null;
    }

    void rollbackQuietly(Exception cause) {
        try {
            onWriter(c -> {
                c.rollback();
                return null;
            });
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    <T> T read(SqlWork<T> work) {
        readLock.lock();
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw new StoreException("read failed", e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            for (PreparedStatement statement : writerStatements.values()) {
                statement.close();
            }
            for (PreparedStatement statement : readerStatements.values()) {
                statement.close();
            }
            writer.rollback();
            writer.close();
            reader.close();
            if (checkpointer != null) {
                checkpointer.close();
            }
        } catch (SQLException e) {
            throw new StoreException("closing the database failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
