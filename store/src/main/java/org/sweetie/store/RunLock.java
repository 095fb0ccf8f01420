package org.sweetie.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * Claims a store for one capturing process. Two runs on one store would each open the operators' API, write its
 * token and answer the same partners; the second must refuse to start instead. The operating system releases the
 * claim when the process dies, however it dies: a file lock beside a SQLite file, a session-level advisory lock in
 * PostgreSQL.
 */
public final class RunLock implements AutoCloseable {
    private final AutoCloseable held;

    private RunLock(AutoCloseable held) {
        this.held = held;
    }

    /** Claims the store at this location for a run, or throws a {@link StoreException} saying who holds it. */
    public static RunLock claim(String location) {
        return claim(location, "run");
    }

    /**
     * Claims the store for a command ("run", "console", "import"...) that writes to it, or throws a
     * {@link StoreException} saying who holds it: the command is written beside the process id for that message.
     */
    public static RunLock claim(String location, String command) {
        String url = Stores.toJdbcUrl(location);
        return Dialect.of(url) == Dialect.SQLITE ? fileLock(url, command) : advisoryLock(url, command);
    }

    private static RunLock fileLock(String url, String command) {
        String file = Database.sqliteFile(url);
        if (file == null) {
            return new RunLock(() -> { }); // an in-memory store belongs to its process anyway
        }
        Path lockFile = Path.of(file + ".run-lock");
        try {
            // for this user alone, as the store beside it, whatever the umask (it names the command and its pid)
            FileChannel channel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE), java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // this very process holds it (a second run started in the same JVM)
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new StoreException("another sweetie process is writing to " + file
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; stop it first or give another --db");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("sweetie " + command + ", pid " + ProcessHandle.current().pid()
                    + ", since " + Instant.now())
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            // The file stays when the run ends: deleting it would let a third process lock a new file while a
            // second still waits on the old one.
            FileLock held = lock;
            return new RunLock(() -> {
                held.release();
                channel.close();
            });
        } catch (IOException e) {
            throw new StoreException("cannot claim " + file + " for this " + command + ": " + e.getMessage());
        }
    }

    private static RunLock advisoryLock(String url, String command) {
        try {
            Connection connection = DriverManager.getConnection(url);
            try (var query = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                query.setLong(1, key(url));
                try (var result = query.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        connection.close();
                        throw new StoreException("another sweetie process is writing to " + Database.shown(url)
                                + "; stop it first or give another --db");
                    }
                }
            }
            return new RunLock(connection); // closing the session releases the advisory lock
        } catch (SQLException e) {
            throw new StoreException("cannot claim " + Database.shown(url) + " for this " + command + ": " + e.getMessage());
        }
    }

    /** One lock key per database and schema: two deployments in different schemas of one server do not collide. */
    private static long key(String url) {
        CRC32 crc = new CRC32();
        String schema = Database.currentSchema(url);
        crc.update(("sweetie run " + (schema == null ? "public" : schema)).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    @Override
    public void close() {
        try {
            held.close();
        } catch (Exception e) {
            throw new StoreException("cannot release the run's claim on the store: " + e.getMessage());
        }
    }
}
