package org.sweetie.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;

/**
 * Copies SQLite's write-ahead log into the database file on a thread of its own, after commits. SQLite would
 * otherwise do it inside the commit that crosses its threshold, and a bulk import spent a sixth of its time waiting
 * for that. Durability does not depend on it: a commit is durable once it is in the log.
 */
final class WalCheckpointer implements AutoCloseable {
    private final Connection connection;
    private final Semaphore nudges = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;

    WalCheckpointer(Connection connection) {
        this.connection = connection;
        this.thread = Thread.ofPlatform().daemon().name("sqlite-wal-checkpointer").start(this::run);
    }

    /** Something was committed: copy what the log holds when the thread is free. */
    void nudge() {
        nudges.release();
    }

    private void run() {
        while (!closed) {
            nudges.acquireUninterruptibly();
            nudges.drainPermits();
            if (closed) {
                return;
            }
            try (Statement s = connection.createStatement()) {
                // PASSIVE never blocks the writer or readers; what it cannot copy now, the next nudge copies.
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException e) {
                // Busy or locked: the next commit nudges again, and nothing committed depends on this.
            }
        }
    }

    @Override
    public void close() throws SQLException {
        closed = true;
        nudges.release();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
