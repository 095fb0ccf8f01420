package org.sweetie.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sweetie.core.EvidenceStorage;

/**
 * The evidence log's tables. Every call runs on the writer connection, so that inside a unit of work it sees (and
 * joins) what the unit added; outside one, each call is its own transaction.
 */
final class JdbcEvidenceStorage implements EvidenceStorage {
    private static final int ROWS_PER_INSERT = 200;

    private final Database db;
    /** Full-size multi-row inserts, prepared once: preparing a 200-row INSERT each time cost a tenth of an append. */
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    /**
     * An entry's body is sealed for its index: the tree hashes the plaintext body (docs/evidence.md), which is what
     * bundles and proofs carry, so sealing changes nothing a verifier sees.
     */
    private static final String BODY = "evidence_entry.body";

    JdbcEvidenceStorage(Database db) {
        this.db = db;
    }

    @Override
    public long size() {
        return db.write(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT coalesce(max(idx) + 1, 0) FROM evidence_entry");
                 ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Override
    public byte[] node(int level, long index) {
        return db.write(c -> {
            // kept: a bundle's proofs read thousands of nodes, and preparing cost more than reading
            PreparedStatement q = db.kept(c, "SELECT hash FROM evidence_node WHERE level = ? AND idx = ?");
            q.setInt(1, level);
            q.setLong(2, index);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    throw new StoreException("the evidence tree has no node " + level + "/" + index);
                }
                return r.getBytes(1);
            }
        });
    }

    /** Inside a unit of work the rows are inserted in the background with the unit's messages. */
    @Override
    public void append(List<Record> records, List<Node> nodes) {
        Database.SqlWork<Void> insert = c -> {
            insertMany(c, "INSERT INTO evidence_entry (idx, kind, conversation_id, body, message_seq) VALUES ",
                    "(?, ?, ?, ?, ?)", records, (s, at, r) -> {
                        s.setLong(at, r.index());
                        s.setString(at + 1, r.kind());
                        s.setObject(at + 2, r.conversationId());
                        // a message's entry is its row in the message table: here only its leaf hash, sealed, so
                        // that the entry built again from the row is checked against what was logged
                        s.setBytes(at + 3, db.sealer.sealBytes(r.body(), BODY, Long.toString(r.index())));
                        s.setObject(at + 4, r.messageSeq());
                    });
            insertMany(c, "INSERT INTO evidence_node (level, idx, hash) VALUES ", "(?, ?, ?)", nodes,
                    (s, at, n) -> {
                        s.setInt(at, n.level());
                        s.setLong(at + 1, n.index());
                        s.setBytes(at + 2, n.hash());
                    });
            return null;
        };
        JdbcAppender unit = db.currentUnit();
        if (unit != null) {
            unit.later(insert);
        } else {
            db.write(insert);
        }
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, int firstParameter, T row) throws SQLException;
    }

    /**
     * Inserts rows in order, several per statement: one round trip per row was most of an append's cost. Runs on the
     * writer connection under its lock, which also guards the prepared statements.
     */
    private <T> void insertMany(Connection c, String insert, String row, List<T> rows, Binder<T> binder)
            throws SQLException {
        int columns = (int) row.chars().filter(ch -> ch == '?').count();
        int done = 0;
        while (done < rows.size()) {
            int n = Math.min(ROWS_PER_INSERT, rows.size() - done);
            String sql = rowsOf(insert, row, n);
            PreparedStatement s = n == ROWS_PER_INSERT ? prepared.get(sql) : null;
            if (s == null) {
                s = c.prepareStatement(sql);
                if (n == ROWS_PER_INSERT) {
                    prepared.put(sql, s);
                }
            }
            try {
                for (int i = 0; i < n; i++) {
                    binder.bind(s, i * columns + 1, rows.get(done + i));
                }
                s.executeUpdate();
            } finally {
                if (n != ROWS_PER_INSERT) {
                    s.close();
                }
            }
            done += n;
        }
    }

    private static String rowsOf(String insert, String row, int n) {
        StringBuilder sql = new StringBuilder(insert.length() + n * (row.length() + 2)).append(insert);
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    @Override
    public byte[] entry(long index) {
        return db.write(c -> {
            PreparedStatement q = db.kept(c, "SELECT body, leaf_hash, message_seq FROM evidence_entry WHERE idx = ?");
            q.setLong(1, index);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    throw new StoreException("the evidence log has no entry " + index);
                }
                return r.getBytes(2) != null || r.getObject(3) != null ? null
                        : db.sealer.openBytes(r.getBytes(1), BODY, Long.toString(index));
            }
        });
    }

    @Override
    public Optional<RecordedMessage> recordedMessage(long index) {
        return db.write(c -> {
            PreparedStatement q = db.kept(c, "SELECT e.conversation_id, e.message_seq, e.body, m.seq IS NOT NULL, m."
                    + JdbcConversationStore.MESSAGE_COLUMNS.replace(", ", ", m.") + """
                    FROM evidence_entry e
                    LEFT JOIN message m ON m.conversation_id = e.conversation_id AND m.seq = e.message_seq
                    WHERE e.idx = ? AND e.message_seq IS NOT NULL AND e.leaf_hash IS NULL""");
            q.setLong(1, index);
            long conversationId;
            long seq;
            byte[] leaf;
            org.sweetie.core.Message message;
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                conversationId = r.getLong(1);
                seq = r.getLong(2);
                leaf = db.sealer.openBytes(r.getBytes(3), BODY, Long.toString(index));
                if (!r.getBoolean(4)) {
                    throw new StoreException("evidence entry " + index + " records message " + seq
                            + " of conversation " + conversationId + ", which is not in the store");
                }
                message = JdbcConversationStore.message(r, 5, conversationId, db.sealer);
            }
            return Optional.of(new RecordedMessage(conversation(c, index, conversationId), message, leaf));
        });
    }

    private org.sweetie.core.Conversation conversation(Connection c, long index, long conversationId)
            throws SQLException {
        PreparedStatement q = db.kept(c, JdbcConversationStore.CONVERSATION_COLUMNS + "WHERE c.id = ?");
        q.setLong(1, conversationId);
        try (ResultSet r = q.executeQuery()) {
            if (!r.next()) {
                throw new StoreException("evidence entry " + index + " records a message of conversation "
                        + conversationId + ", which is not in the store");
            }
            return ConversationSummaries.conversation(r, db.sealer);
        }
    }

    @Override
    public void redact(java.util.Map<Long, byte[]> leafHashes) {
        db.write(c -> {
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE evidence_entry SET body = ?, kind = 'redacted', leaf_hash = ? WHERE idx = ?")) {
                for (var e : leafHashes.entrySet()) {
                    u.setBytes(1, new byte[0]);
                    u.setBytes(2, e.getValue());
                    u.setLong(3, e.getKey());
                    u.addBatch();
                }
                u.executeBatch();
            }
            return null;
        });
    }

    @Override
    public java.util.Optional<byte[]> keptLeaf(long index) {
        return db.write(c -> {
            PreparedStatement q = db.kept(c, "SELECT leaf_hash, message_seq, body FROM evidence_entry WHERE idx = ?");
            q.setLong(1, index);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return java.util.Optional.empty();
                }
                byte[] redacted = r.getBytes(1);
                if (redacted != null) {
                    return java.util.Optional.of(redacted);
                }
                boolean recordsMessage = r.getObject(2) != null; // its body is then its leaf hash
                return recordsMessage ? java.util.Optional.of(db.sealer.openBytes(r.getBytes(3), BODY,
                        Long.toString(index))) : java.util.Optional.empty();
            }
        });
    }

    @Override
    public List<Long> entriesOf(long conversationId) {
        return db.write(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT idx FROM evidence_entry WHERE conversation_id = ? ORDER BY idx")) {
                q.setLong(1, conversationId);
                List<Long> found = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getLong(1));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public List<Record> entriesOfKind(String kind) {
        if (!kind.matches("[a-z_]+")) {
            throw new IllegalArgumentException("an evidence entry kind is a-z and _, not " + kind);
        }
        // the kind as a literal: only then do SQLite and PostgreSQL use the kind's partial index (migration 7)
        return db.write(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT idx, conversation_id, body, leaf_hash, message_seq "
                    + "FROM evidence_entry WHERE kind = '" + kind + "' ORDER BY idx");
                 ResultSet r = q.executeQuery()) {
                List<Record> found = new ArrayList<>();
                while (r.next()) {
                    long conversation = r.getLong(2);
                    Long conversationId = r.wasNull() ? null : conversation;
                    long seq = r.getLong(5);
                    Long messageSeq = r.wasNull() ? null : seq;
                    // a redacted entry has no body, one recording a message has it in the message table
                    byte[] body = r.getBytes(4) != null || messageSeq != null ? null
                            : db.sealer.openBytes(r.getBytes(3), BODY, Long.toString(r.getLong(1)));
                    found.add(new Record(r.getLong(1), kind, conversationId, body, messageSeq));
                }
                return found;
            }
        });
    }

    @Override
    public void saveCheckpoint(Checkpoint checkpoint) {
        db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO evidence_checkpoint (size, signed_note, timestamp_token, created_at)
                    VALUES (?, ?, ?, ?) ON CONFLICT (size) DO NOTHING""")) {
                insert.setLong(1, checkpoint.size());
                insert.setString(2, checkpoint.signedNote());
                insert.setBytes(3, checkpoint.timestampToken());
                insert.setLong(4, checkpoint.createdAt().toEpochMilli());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return db.write(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT size, signed_note, timestamp_token, created_at FROM evidence_checkpoint
                    ORDER BY size DESC LIMIT 1""");
                 ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Checkpoint(r.getLong(1), r.getString(2), r.getBytes(3),
                        Instant.ofEpochMilli(r.getLong(4))));
            }
        });
    }
}
