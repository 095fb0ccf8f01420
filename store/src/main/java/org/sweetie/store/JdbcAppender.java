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
import java.util.Set;
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
 * the database then share the two cores instead of taking turns. Background inserts run one after the other, in the
 * order they were handed over; up to {@value #QUEUED} may wait, so that a burst of the caller's does not stop it
 * while one runs. Everything else this appender does waits for them first, so the order of rows never changes.
 * Nothing is committed before {@link #commit()}.
 *
 * <p>Duplicates are looked for among what was stored before this appender first touched a conversation; the source
 * ids given to one appender for one conversation must be distinct (a violation fails on the unique index, nothing
 * is silently dropped). A conversation that was empty needs no look-ups at all, which keeps a first import fast.
 */
final class JdbcAppender implements ConversationStore.Appender {
    static final int BATCH = 1_000;
    private static final int ROWS_PER_INSERT = 100;
    private static final String COLUMNS = "INSERT INTO message (conversation_id, seq, sent_at, author_kind, "
            + "operator_id, sender, text, raw, source_id, delay_stamp, source_key) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int COLUMN_COUNT = 11;
    private static final String TERMS = "INSERT INTO conversation_term (term, conversation_id) VALUES ";
    private static final int TERMS_PER_INSERT = 200;

    private final Database db;
    private final Map<Long, Tail> tails = new HashMap<>();
    /** What this unit added to each conversation since its last commit: their summaries are updated at commit. */
    private final Map<Long, ConversationSummaries.Added> touched = new HashMap<>();
    private List<Row> pending = new ArrayList<>(BATCH);
    /** The last background insert handed over: each runs after the one before, so this one finishes last. */
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
    /** Background inserts handed over and perhaps not finished, oldest first (at most {@value #QUEUED}). */
    private final java.util.ArrayDeque<CompletableFuture<Void>> queued = new java.util.ArrayDeque<>();
    /**
     * How many background inserts may be handed over at once. One made an import's reading thread wait for the
     * writer for 1.4-2.3 s of an 8 s import (JFR, bench import); each holds at most a batch of rows.
     */
    static final int QUEUED = 4;
    private boolean closed;
    /** The change this unit's transaction counted ({@link ConversationSummaries#changed}), or 0 before it has one. */
    private long change;

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
        Message stored = message.withSeq(tail.lastSeq + 1);
        added(conversation).message(stored.time().toEpochMilli());
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

    /**
     * Hands work to a background thread, to run once the work handed over before it is done; waits first while
     * {@value #QUEUED} are handed over and not finished. A failed insert fails every one after it, and the next wait.
     */
    private void submit(Runnable work) {
        while (!queued.isEmpty() && queued.peekFirst().isDone()) {
            queued.removeFirst();
        }
        if (queued.size() >= QUEUED) {
            join(queued.removeFirst());
        }
        inFlight = inFlight.thenRunAsync(work, Thread::startVirtualThread);
        queued.addLast(inFlight);
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
        return query("SELECT count(*) FROM " + table + " WHERE conversation_id = ? AND source_key = ?",
                conversationId, db.sealer.index(table + ".source_id", sourceId)) > 0;
    }

    /** A single number from the writer connection, after the batch in flight: it may hold the rows asked about. */
    private long query(String sql, long conversationId, String sourceId) {
        awaitInFlight();
        try {
            return db.onWriter(c -> {
                PreparedStatement q = db.kept(c, sql); // asked for every conversation a unit first touches
                q.setLong(1, conversationId);
                if (sourceId != null) {
                    q.setString(2, sourceId);
                }
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getLong(1);
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
        added(conversation).event(event.kind() == org.sweetie.core.EventKind.OPERATOR);
        // in the background after the messages before it, as a batch: waiting for the writer here made an import's
        // reading thread wait a seventh of its time
        later(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO event (conversation_id, occurred_at, kind, actor, detail, raw, source_id,
                                       after_seq, source_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setLong(1, conversation.id());
                insert.setLong(2, event.time().toEpochMilli());
                insert.setString(3, event.kind().name());
                String row = eventRow(conversation.id(), event.time().toEpochMilli(), event.kind().name());
                Sealer sealer = db.sealer;
                insert.setString(4, sealer.seal(event.actor(), "event.actor", row));
                insert.setString(5, sealer.seal(event.detail(), "event.detail", row));
                insert.setString(6, sealer.seal(event.raw(), "event.raw", row));
                insert.setString(7, sealer.seal(event.sourceId(), "event.source_id", row));
                insert.setLong(8, afterSeq);
                insert.setString(9, sealer.index("event.source_id", event.sourceId()));
                return insert.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("recording an event in conversation " + conversation.id() + " failed",
                        e);
            }
        });
        return true;
    }

    @Override
    public void flag(Conversation conversation, Flag flag) {
        ensureOpen();
        added(conversation).flagged(flag.kind(), flag.value());
        later(c -> {
            // kept: a busy capture flags hundreds of messages a second, and preparing cost more than inserting
            PreparedStatement insert = db.kept(c, """
                    INSERT INTO analysis_flag (conversation_id, seq, kind, value, detail) VALUES (?, ?, ?, ?, ?)""");
            insert.setLong(1, conversation.id());
            insert.setLong(2, flag.seq());
            insert.setString(3, flag.kind());
            insert.setString(4, StoredText.of(flag.value()));
            insert.setString(5, db.sealer.seal(flag.detail(), "analysis_flag.detail",
                    flagRow(conversation.id(), flag.seq(), flag.kind())));
            insert.executeUpdate();
            if (flag.kind().equals("identifier")) {
                PreparedStatement term = db.kept(c, TERMS + "(?, ?) ON CONFLICT DO NOTHING");
                term.setString(1, identifierTerm(db.sealer, flag.detail()));
                term.setLong(2, conversation.id());
                term.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Where an event's values are sealed for: its conversation, time and kind (its id comes after the insert). The
     * associated data ties a sealed value to that place: copied into another conversation's row it does not open.
     */
    static String eventRow(long conversationId, long occurredAtMillis, String kind) {
        return conversationId + "/" + occurredAtMillis + "/" + kind;
    }

    /** Where a flag's detail is sealed for: its conversation, message and kind. */
    static String flagRow(long conversationId, long seq, String kind) {
        return conversationId + "/" + seq + "/" + kind;
    }

    /** The search index's key of an identifier: the keyed hash of its normalised form, ignoring case. */
    static String identifierTerm(Sealer sealer, String identifier) {
        // the kind of term in the value as well as the domain: without keys, the "hash" is the value itself
        return sealer.index("term", "identifier:" + org.sweetie.core.SearchTerms.identifier(identifier));
    }

    /** The search index's key of a word ({@link org.sweetie.core.SearchTerms#words}). */
    static String wordTerm(Sealer sealer, String word) {
        return sealer.index("term", "word:" + word);
    }

    private record Term(String term, long conversationId) {
    }

    /** Adds search terms of conversations, those already there left as they are. */
    private void insertTerms(Connection c, java.util.Collection<Term> terms) throws SQLException {
        List<Term> all = new ArrayList<>(terms);
        // in the primary key's order: each statement then writes to neighbouring places of the tree
        all.sort(java.util.Comparator.comparingLong(Term::conversationId).thenComparing(Term::term));
        String conflict = " ON CONFLICT DO NOTHING";
        for (int from = 0; from < all.size(); from += TERMS_PER_INSERT) {
            List<Term> chunk = all.subList(from, Math.min(all.size(), from + TERMS_PER_INSERT));
            StringBuilder sql = new StringBuilder(TERMS);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
            }
            try (PreparedStatement insert = c.prepareStatement(sql + conflict)) {
                int i = 1;
                for (Term t : chunk) {
                    insert.setString(i++, t.term());
                    insert.setLong(i++, t.conversationId());
                }
                insert.executeUpdate();
            }
        }
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
                // each conversation's distinct words of the batch, hashed once each
                Map<Long, Set<String>> words = new HashMap<>();
                for (Row row : rows) {
                    words.computeIfAbsent(row.conversationId(), k -> new java.util.HashSet<>())
                            .addAll(org.sweetie.core.SearchTerms.words(row.message().text()));
                }
                List<Term> terms = new ArrayList<>();
                words.forEach((conversation, set) -> set.forEach(w -> terms.add(new Term(wordTerm(db.sealer, w),
                        conversation))));
                insertTerms(c, terms);
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

    private void bind(PreparedStatement insert, int offset, Row row) throws SQLException {
        Message m = row.message();
        Sealer sealer = db.sealer;
        String place = row.conversationId() + "/" + m.seq();
        insert.setLong(offset + 1, row.conversationId());
        insert.setLong(offset + 2, m.seq());
        insert.setLong(offset + 3, m.time().toEpochMilli());
        insert.setString(offset + 4, m.author().kind().name());
        insert.setString(offset + 5, sealer.seal(m.author().operatorId(), "message.operator_id", place));
        insert.setString(offset + 6, sealer.seal(m.sender(), "message.sender", place));
        insert.setString(offset + 7, sealer.seal(m.text(), "message.text", place));
        insert.setString(offset + 8, sealer.seal(m.raw(), "message.raw", place));
        insert.setString(offset + 9, sealer.seal(m.sourceId(), "message.source_id", place));
        insert.setString(offset + 11, sealer.index("message.source_id", m.sourceId()));
        if (m.delayStamp() == null) {
            insert.setNull(offset + 10, Types.BIGINT);
        } else {
            insert.setLong(offset + 10, m.delayStamp().toEpochMilli());
        }
    }

    private ConversationSummaries.Added added(Conversation conversation) {
        return touched.computeIfAbsent(conversation.id(), id -> new ConversationSummaries.Added());
    }

    long change() {
        return change;
    }

    void counted(long change) {
        this.change = change;
    }

    void awaitInFlight() {
        join(inFlight);
        queued.clear();
    }

    private static void join(CompletableFuture<Void> work) {
        try {
            work.join();
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
                    long change = ConversationSummaries.changed(db, c);
                    ConversationSummaries.update(db, c, touched, change);
                }
                c.commit();
                return null;
            });
            change = 0;
            touched.clear();
            Map<Long, Long> ends = new HashMap<>();
            tails.forEach((id, tail) -> ends.put(id, tail.lastSeq));
            db.rememberTails(ends);
            db.committed();
        } catch (SQLException | RuntimeException e) {
            // What this unit added is gone: the next add must re-read each conversation's end.
            db.rollbackQuietly(e);
            change = 0;
            tails.clear();
            touched.clear();
            pending.clear();
            inFlight = CompletableFuture.completedFuture(null);
            queued.clear();
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
