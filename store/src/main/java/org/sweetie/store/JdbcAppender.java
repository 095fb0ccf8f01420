package org.sweetie.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;

/**
 * A unit of appending work that owns the writer connection until closed.
 *
 * <p>Messages are inserted in batches of {@value #BATCH} rows, several rows per INSERT, and a full batch is inserted
 * on a background thread while the caller goes on preparing the next one: on an import, reading the log and writing
 * the database then share the two cores instead of taking turns. At most one batch is in flight; everything else
 * this appender does waits for it first, so the order of rows never changes. Nothing is committed before
 * {@link #commit()}.
 *
 * <p>Duplicates are looked for among what was stored before this appender first touched a conversation; the source
 * ids given to one appender for one conversation must be distinct (a violation fails on the unique index, nothing
 * is silently dropped). A conversation that was empty needs no look-ups at all, which keeps a first import fast.
 */
final class JdbcAppender implements ConversationStore.Appender {
    static final int BATCH = 1_000;
    private static final int ROWS_PER_INSERT = 100;
    private static final String COLUMNS = "INSERT INTO message (conversation_id, seq, sent_at, author_kind, "
            + "operator_id, sender, text, raw, source_id, delay_stamp) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int COLUMN_COUNT = 10;

    private final Database db;
    private final Map<Long, Tail> tails = new HashMap<>();
    /** The conversations this unit added to since its last commit: their summaries are refreshed at commit. */
    private final java.util.Set<Long> touched = new java.util.HashSet<>();
    private List<Row> pending = new ArrayList<>(BATCH);
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
    private boolean closed;

    private record Row(long conversationId, Message message) {
    }

    /** Where a conversation ends, as far as this appender knows. */
    private static final class Tail {
        long lastSeq;
        final boolean hadMessages;

        Tail(long lastSeq) {
            this.lastSeq = lastSeq;
            this.hadMessages = lastSeq > 0;
        }
    }

    JdbcAppender(Database db) {
        this.db = db;
        db.acquireWriter(this);
    }

    @Override
    public Optional<Message> add(Conversation conversation, Message message) {
        ensureOpen();
        Tail tail = tail(conversation.id());
        if (tail.hadMessages && message.sourceId() != null
                && exists("message", conversation.id(), message.sourceId())) {
            return Optional.empty();
        }
        touched.add(conversation.id());
        Message stored = message.withSeq(tail.lastSeq + 1);
        tail.lastSeq = stored.seq();
        pending.add(new Row(conversation.id(), stored));
        if (pending.size() == BATCH) {
            submitPending();
        }
        return Optional.of(stored);
    }

    /**
     * Runs more inserts of this unit in the background, in order after everything added so far (the evidence log's
     * rows come this way).
     */
    void later(Database.SqlWork<?> work) {
        ensureOpen();
        submitPending();
        submit(() -> {
            try {
                db.onWriter(work);
            } catch (SQLException e) {
                throw new StoreException("a background insert failed", e);
            }
        });
    }

    private void submitPending() {
        if (!pending.isEmpty()) {
            List<Row> batch = pending;
            pending = new ArrayList<>(BATCH);
            submit(() -> insert(batch));
        }
    }

    /** Starts work on a background thread once the work before it is done: at most one task is in flight. */
    private void submit(Runnable work) {
        awaitInFlight();
        inFlight = CompletableFuture.runAsync(work, Thread::startVirtualThread);
    }

    private Tail tail(long conversationId) {
        Tail tail = tails.get(conversationId);
        if (tail == null) {
            Long committed = db.committedTail(conversationId);
            tail = new Tail(committed != null ? committed
                    : query("SELECT coalesce(max(seq), 0) FROM message WHERE conversation_id = ?", conversationId,
                            null));
            tails.put(conversationId, tail);
        }
        return tail;
    }

    private boolean exists(String table, long conversationId, String sourceId) {
        return query("SELECT count(*) FROM " + table + " WHERE conversation_id = ? AND source_id = ?",
                conversationId, sourceId) > 0;
    }

    /** A single number from the writer connection, after the batch in flight: it may hold the rows asked about. */
    private long query(String sql, long conversationId, String sourceId) {
        awaitInFlight();
        try {
            return db.onWriter(c -> {
                try (PreparedStatement q = c.prepareStatement(sql)) {
                    q.setLong(1, conversationId);
                    if (sourceId != null) {
                        q.setString(2, StoredText.of(sourceId));
                    }
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        return r.getLong(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreException("reading conversation " + conversationId + " failed", e);
        }
    }

    @Override
    public boolean record(Conversation conversation, Event event) {
        ensureOpen();
        if (event.sourceId() != null && exists("event", conversation.id(), event.sourceId())) {
            return false;
        }
        long afterSeq = tail(conversation.id()).lastSeq; // the messages added so far, pending ones included
        touched.add(conversation.id());
        try {
            db.onWriter(c -> {
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO event (conversation_id, occurred_at, kind, actor, detail, raw, source_id,
                                           after_seq)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    insert.setLong(1, conversation.id());
                    insert.setLong(2, event.time().toEpochMilli());
                    insert.setString(3, event.kind().name());
                    insert.setString(4, StoredText.of(event.actor()));
                    insert.setString(5, StoredText.of(event.detail()));
                    insert.setString(6, StoredText.of(event.raw()));
                    insert.setString(7, StoredText.of(event.sourceId()));
                    insert.setLong(8, afterSeq);
                    return insert.executeUpdate();
                }
            });
            return true;
        } catch (SQLException e) {
            throw new StoreException("recording an event in conversation " + conversation.id() + " failed", e);
        }
    }

    @Override
    public void flag(Conversation conversation, Flag flag) {
        ensureOpen();
        touched.add(conversation.id());
        later(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO analysis_flag (conversation_id, seq, kind, value, detail) VALUES (?, ?, ?, ?, ?)""")) {
                insert.setLong(1, conversation.id());
                insert.setLong(2, flag.seq());
                insert.setString(3, flag.kind());
                insert.setString(4, StoredText.of(flag.value()));
                insert.setString(5, StoredText.of(flag.detail()));
                return insert.executeUpdate();
            }
        });
    }

    /** Inserts rows in order, {@value #ROWS_PER_INSERT} per statement and the rest one by one. */
    private void insert(List<Row> rows) {
        try {
            db.onWriter(c -> {
                int done = 0;
                if (rows.size() >= ROWS_PER_INSERT) {
                    try (PreparedStatement many = prepare(c, ROWS_PER_INSERT)) {
                        for (; done + ROWS_PER_INSERT <= rows.size(); done += ROWS_PER_INSERT) {
                            for (int i = 0; i < ROWS_PER_INSERT; i++) {
                                bind(many, i * COLUMN_COUNT, rows.get(done + i));
                            }
                            many.executeUpdate();
                        }
                    }
                }
                if (done < rows.size()) {
                    try (PreparedStatement one = prepare(c, 1)) {
                        for (; done < rows.size(); done++) {
                            bind(one, 0, rows.get(done));
                            one.executeUpdate();
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("inserting " + rows.size() + " messages failed", e);
        }
    }

    private static PreparedStatement prepare(Connection c, int rows) throws SQLException {
        StringBuilder sql = new StringBuilder(COLUMNS.length() + rows * (ROW.length() + 2)).append(COLUMNS);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        return c.prepareStatement(sql.toString());
    }

    private static void bind(PreparedStatement insert, int offset, Row row) throws SQLException {
        Message m = row.message();
        insert.setLong(offset + 1, row.conversationId());
        insert.setLong(offset + 2, m.seq());
        insert.setLong(offset + 3, m.time().toEpochMilli());
        insert.setString(offset + 4, m.author().kind().name());
        insert.setString(offset + 5, StoredText.of(m.author().operatorId()));
        insert.setString(offset + 6, StoredText.of(m.sender()));
        insert.setString(offset + 7, StoredText.of(m.text()));
        insert.setString(offset + 8, StoredText.of(m.raw()));
        insert.setString(offset + 9, StoredText.of(m.sourceId()));
        if (m.delayStamp() == null) {
            insert.setNull(offset + 10, Types.BIGINT);
        } else {
            insert.setLong(offset + 10, m.delayStamp().toEpochMilli());
        }
    }

    void awaitInFlight() {
        try {
            inFlight.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreException("insert failed", e);
        }
    }

    @Override
    public void commit() {
        ensureOpen();
        try {
            awaitInFlight();
            insert(pending);
            pending.clear();
            db.onWriter(c -> {
                if (!touched.isEmpty()) {
                    long change = ConversationSummaries.changed(c);
                    for (long id : touched) {
                        ConversationSummaries.refresh(c, db.dialect, id, change);
                    }
                }
                c.commit();
                return null;
            });
            touched.clear();
            Map<Long, Long> ends = new HashMap<>();
            tails.forEach((id, tail) -> ends.put(id, tail.lastSeq));
            db.rememberTails(ends);
            db.committed();
        } catch (SQLException | RuntimeException e) {
            // What this unit added is gone: the next add must re-read each conversation's end.
            db.rollbackQuietly(e);
            tails.clear();
            touched.clear();
            pending.clear();
            inFlight = CompletableFuture.completedFuture(null);
            throw e instanceof StoreException s ? s : new StoreException("commit failed", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            inFlight.exceptionally(failure -> null).join();
            db.onWriter(c -> {
                c.rollback();
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("closing an appender failed", e);
        } finally {
            db.release();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("appender is closed");
        }
    }
}
