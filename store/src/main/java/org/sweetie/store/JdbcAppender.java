package org.sweetie.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.Message;

/**
 * A unit of appending work holding the writer connection. Message rows are batched because a round trip per row is
 * what limits import speed; they are flushed every {@value #BATCH} rows and on commit.
 *
 * <p>Duplicates are looked for among what was stored before this appender first touched a conversation; the source
 * ids given to one appender for one conversation must be distinct (a violation fails on the unique index, nothing
 * is silently dropped). A conversation that was empty needs no look-ups at all, which keeps a first import fast.
 */
final class JdbcAppender implements ConversationStore.Appender {
    private static final int BATCH = 2_000;

    private final Database db;
    private final Connection connection;
    private final Map<Long, Tail> tails = new HashMap<>();
    private final PreparedStatement insertMessage;
    private int pending;
    private boolean closed;

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
        this.connection = db.acquireWriter();
        try {
            this.insertMessage = connection.prepareStatement("""
                    INSERT INTO message (conversation_id, seq, sent_at, author_kind, operator_id, sender, text, raw,
                                         source_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        } catch (SQLException e) {
            db.release();
            throw new StoreException("cannot prepare the message insert", e);
        }
    }

    @Override
    public Optional<Message> add(Conversation conversation, Message message) {
        ensureOpen();
        try {
            Tail tail = tail(conversation.id());
            if (tail.hadMessages && message.sourceId() != null
                    && exists("message", conversation.id(), message.sourceId())) {
                return Optional.empty();
            }
            Message stored = message.withSeq(tail.lastSeq + 1);
            bind(conversation.id(), stored);
            insertMessage.addBatch();
            tail.lastSeq = stored.seq();
            if (++pending >= BATCH) {
                flush();
            }
            return Optional.of(stored);
        } catch (SQLException e) {
            throw new StoreException("appending to conversation " + conversation.id() + " failed", e);
        }
    }

    private void bind(long conversationId, Message m) throws SQLException {
        insertMessage.setLong(1, conversationId);
        insertMessage.setLong(2, m.seq());
        insertMessage.setLong(3, m.time().toEpochMilli());
        insertMessage.setString(4, m.author().kind().name());
        insertMessage.setString(5, m.author().operatorId());
        insertMessage.setString(6, m.sender());
        insertMessage.setString(7, m.text());
        insertMessage.setString(8, m.raw());
        insertMessage.setString(9, m.sourceId());
    }

    private Tail tail(long conversationId) throws SQLException {
        Tail tail = tails.get(conversationId);
        if (tail == null) {
            try (PreparedStatement q = connection.prepareStatement(
                    "SELECT coalesce(max(seq), 0) FROM message WHERE conversation_id = ?")) {
                q.setLong(1, conversationId);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    tail = new Tail(r.getLong(1));
                }
            }
            tails.put(conversationId, tail);
        }
        return tail;
    }

    private boolean exists(String table, long conversationId, String sourceId) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT 1 FROM " + table + " WHERE conversation_id = ? AND source_id = ?")) {
            q.setLong(1, conversationId);
            q.setString(2, sourceId);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    @Override
    public boolean record(Conversation conversation, Event event) {
        ensureOpen();
        try {
            if (event.sourceId() != null && exists("event", conversation.id(), event.sourceId())) {
                return false;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO event (conversation_id, occurred_at, kind, actor, detail, raw, source_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setLong(1, conversation.id());
                insert.setLong(2, event.time().toEpochMilli());
                insert.setString(3, event.kind().name());
                insert.setString(4, event.actor());
                insert.setString(5, event.detail());
                insert.setString(6, event.raw());
                insert.setString(7, event.sourceId());
                insert.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new StoreException("recording an event in conversation " + conversation.id() + " failed", e);
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insertMessage.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void commit() {
        ensureOpen();
        try {
            flush();
            connection.commit();
        } catch (SQLException e) {
            // What this unit added is gone: the next add must re-read each conversation's end.
            db.rollbackQuietly(e);
            tails.clear();
            pending = 0;
            throw new StoreException("commit failed", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            insertMessage.close();
            connection.rollback();
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
