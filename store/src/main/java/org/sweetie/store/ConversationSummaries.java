package org.sweetie.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationQuery;
import org.sweetie.core.ConversationStats;
import org.sweetie.core.Network;
import org.sweetie.core.Protocol;
import org.sweetie.core.Stage;

/**
 * The conversation summaries (migration 8): kept up to date when a unit of work commits, and read a page at a time
 * with the criteria as SQL, so that a list of 100,000 conversations reads only the rows it shows.
 */
final class ConversationSummaries {
    /** The expressions of migration 8's backfill, for one conversation; %s is the dialect's string aggregate. */
    private static final String REFRESH = """
            INSERT INTO conversation_summary (conversation_id, first_at, last_at, messages, events, stages,
                                              qualification, reached_operators)
            SELECT c.id,
                   (SELECT m.sent_at FROM message m WHERE m.conversation_id = c.id ORDER BY m.seq LIMIT 1),
                   (SELECT m.sent_at FROM message m WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1),
                   (SELECT count(*) FROM message m WHERE m.conversation_id = c.id),
                   (SELECT count(*) FROM event e WHERE e.conversation_id = c.id),
                   ',' || coalesce((SELECT %s FROM analysis_flag f
                                    WHERE f.conversation_id = c.id AND f.kind = 'stage'), '') || ',',
                   CASE WHEN EXISTS (SELECT 1 FROM analysis_flag f WHERE f.conversation_id = c.id
                                     AND f.kind = 'qualified' AND f.value = 'wcst') THEN 'wcst'
                        ELSE coalesce((SELECT f.value FROM analysis_flag f WHERE f.conversation_id = c.id
                                       AND f.kind = 'qualified' ORDER BY f.id DESC LIMIT 1), 'none') END,
                   CASE WHEN EXISTS (SELECT 1 FROM event e WHERE e.conversation_id = c.id AND e.kind = 'OPERATOR')
                        THEN 1 ELSE 0 END
            FROM conversation c WHERE c.id = ?
            ON CONFLICT (conversation_id) DO UPDATE SET first_at = excluded.first_at, last_at = excluded.last_at,
                messages = excluded.messages, events = excluded.events, stages = excluded.stages,
                qualification = excluded.qualification, reached_operators = excluded.reached_operators""";
    private static final String DETAILS = """
            SELECT c.id, pa.network, pa.protocol, p.handle, pa.handle, ca.handle, c.channel, pa.id, ca.id,
                   s.first_at, s.last_at, s.messages, s.events, s.stages, s.qualification, s.reached_operators
            FROM conversation_summary s
            JOIN conversation c ON c.id = s.conversation_id
            JOIN persona p ON p.id = c.persona_id
            JOIN account pa ON pa.id = c.persona_account_id
            JOIN account ca ON ca.id = c.partner_account_id
            WHERE s.conversation_id IN (%s)""";
    private static final int CHUNK = 500;

    private ConversationSummaries() {
    }

    /**
     * The summary of a conversation just created (nothing in it yet), marked changed by the change counted in this
     * transaction ({@link #changed}, called before: its row lock orders the writers). Written from what it must be
     * rather than worked out from rows, with kept statements: a burst of first contacts spent a fifth of the capture
     * writer's CPU preparing the refresh's statement once per new partner (bench capture, 10,000 partners).
     */
    static void created(Database db, Connection c, long conversationId, long change) throws SQLException {
        PreparedStatement summary = db.kept(c, """
                INSERT INTO conversation_summary (conversation_id, first_at, last_at, messages, events, stages,
                                                  qualification, reached_operators)
                VALUES (?, NULL, NULL, 0, 0, ',,', 'none', 0)
                ON CONFLICT (conversation_id) DO UPDATE SET first_at = NULL, last_at = NULL, messages = 0,
                    events = 0, stages = ',,', qualification = 'none', reached_operators = 0""");
        summary.setLong(1, conversationId);
        summary.executeUpdate();
        PreparedStatement stored = db.kept(c, """
                INSERT INTO conversation_stored (conversation_id, stored_at, change_seq) VALUES (?, ?, ?)
                ON CONFLICT (conversation_id) DO UPDATE SET stored_at = excluded.stored_at,
                    change_seq = excluded.change_seq""");
        stored.setLong(1, conversationId);
        stored.setLong(2, System.currentTimeMillis());
        stored.setLong(3, change);
        stored.executeUpdate();
    }

    /**
     * What a unit of work added to one conversation since it last committed: enough to bring a summary up to date
     * without reading the conversation's rows. Messages come in the order of their sequence numbers, so the last one
     * added is the conversation's last.
     */
    static final class Added {
        private int messages;
        private int events;
        private long firstAt = -1;
        private long lastAt;
        private boolean operator;
        /** Stages flagged, as the summary writes them (upper case). */
        private final Set<String> stages = new java.util.TreeSet<>();
        private String qualified;
        private boolean wcst;
        /** A flag whose value the summary could not take over as it is: the summary is worked out again. */
        private boolean unusual;

        void message(long sentAtMillis) {
            messages++;
            if (firstAt < 0) {
                firstAt = sentAtMillis;
            }
            lastAt = sentAtMillis;
        }

        void event(boolean byOperator) {
            events++;
            operator |= byOperator;
        }

        /** Only stage and qualification flags show in a summary; identifiers and initiation do not. */
        void flagged(String kind, String value) {
            if (!kind.equals("stage") && !kind.equals("qualified")) {
                return;
            }
            if (!StoredText.of(value).equals(value) || value.contains(",")) {
                unusual = true;
            } else if (kind.equals("stage")) {
                stages.add(value.toUpperCase(Locale.ROOT));
            } else {
                qualified = value;
                wcst |= value.equals("wcst");
            }
        }
    }

    /**
     * Brings the summaries of the conversations a unit of work added to up to date, inside its transaction, and
     * marks them changed. Messages and events are counted on: working each summary out again from its rows, as
     * {@link #refresh} does, was a quarter of the capture writer's CPU with 10,000 partners talking. Stages are
     * added to the list when missing; the qualification becomes "wcst" once flagged so and otherwise follows the
     * latest flag, as {@link #refresh} has it. A conversation without a summary yet is worked out again.
     */
    static void update(Database db, Connection c, Map<Long, Added> added, long change) throws SQLException {
        List<Long> again = new ArrayList<>();
        List<Long> counted = new ArrayList<>();
        PreparedStatement update = db.kept(c, """
                UPDATE conversation_summary SET first_at = coalesce(first_at, ?), last_at = coalesce(?, last_at),
                    messages = messages + ?, events = events + ?,
                    reached_operators = CASE WHEN ? = 1 THEN 1 ELSE reached_operators END
                WHERE conversation_id = ?""");
        for (Map.Entry<Long, Added> e : added.entrySet()) {
            Added a = e.getValue();
            if (a.unusual) {
                again.add(e.getKey());
                continue;
            }
            if (a.messages > 0) {
                update.setLong(1, a.firstAt);
                update.setLong(2, a.lastAt);
            } else {
                update.setNull(1, java.sql.Types.BIGINT);
                update.setNull(2, java.sql.Types.BIGINT);
            }
            update.setInt(3, a.messages);
            update.setInt(4, a.events);
            update.setInt(5, a.operator ? 1 : 0);
            update.setLong(6, e.getKey());
            if (update.executeUpdate() == 1) {
                flagged(db, c, e.getKey(), a);
                counted.add(e.getKey());
            } else {
                again.add(e.getKey());
            }
        }
        refresh(c, db.dialect, again, change);
        stored(c, counted, change);
    }

    private static void flagged(Database db, Connection c, long conversationId, Added a) throws SQLException {
        for (String stage : a.stages) {
            PreparedStatement add = db.kept(c, "UPDATE conversation_summary SET stages = stages || ? "
                    + "WHERE conversation_id = ? AND " + (db.dialect == Dialect.SQLITE ? "instr" : "strpos")
                    + "(stages, ?) = 0");
            add.setString(1, stage + ",");
            add.setLong(2, conversationId);
            add.setString(3, "," + stage + ",");
            add.executeUpdate();
        }
        if (a.qualified != null) {
            PreparedStatement level = db.kept(c, "UPDATE conversation_summary SET qualification = CASE WHEN "
                    + "qualification = 'wcst' OR ? = 1 THEN 'wcst' ELSE ? END WHERE conversation_id = ?");
            level.setInt(1, a.wcst ? 1 : 0);
            level.setString(2, a.qualified);
            level.setLong(3, conversationId);
            level.executeUpdate();
        }
    }

    /**
     * The same for many conversations: one statement per {@value #CHUNK} conversations, since a capture batch
     * touches a thousand of them at each commit.
     */
    static void refresh(Connection c, Dialect dialect, java.util.Collection<Long> conversationIds, long change)
            throws SQLException {
        String aggregate = dialect == Dialect.SQLITE ? "group_concat(DISTINCT upper(f.value))"
                : "string_agg(DISTINCT upper(f.value), ',')";
        List<Long> ids = List.copyOf(conversationIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement refresh = c.prepareStatement(REFRESH.formatted(aggregate)
                    .replace("WHERE c.id = ?", "WHERE c.id IN (" + marks + ")"))) {
                for (int i = 0; i < chunk.size(); i++) {
                    refresh.setLong(i + 1, chunk.get(i));
                }
                refresh.executeUpdate();
            }
        }
        stored(c, ids, change);
    }

    /** Marks conversations changed by this transaction's change, stored now (migrations 9 and 11). */
    private static void stored(Connection c, List<Long> ids, long change) throws SQLException {
        long now = System.currentTimeMillis();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String rows = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?)"));
            try (PreparedStatement stored = c.prepareStatement(
                    "INSERT INTO conversation_stored (conversation_id, stored_at, change_seq) VALUES " + rows
                            + " ON CONFLICT (conversation_id) DO UPDATE SET stored_at = excluded.stored_at,"
                            + " change_seq = excluded.change_seq")) {
                for (int i = 0; i < chunk.size(); i++) {
                    stored.setLong(3 * i + 1, chunk.get(i));
                    stored.setLong(3 * i + 2, now);
                    stored.setLong(3 * i + 3, change);
                }
                stored.executeUpdate();
            }
        }
    }

    /** When the store last committed something of the conversation (migration 9), or null. */
    static java.time.Instant storedAt(Connection c, long conversationId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT stored_at FROM conversation_stored WHERE conversation_id = ?")) {
            q.setLong(1, conversationId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? java.time.Instant.ofEpochMilli(r.getLong(1)) : null;
            }
        }
    }

    /**
     * Counts a change, inside the caller's transaction (see {@link org.sweetie.core.ConversationStore#changes}), and
     * returns its number, on the writer (its statements are kept: every first contact counts one). The update locks
     * the counter's row until the transaction ends, so concurrent writers get their numbers in the order they
     * commit: a reader who saw count N has seen everything numbered N or less.
     */
    static long changed(Database db, Connection c) throws SQLException {
        // Inside an appender's unit everything commits at once, so one number serves all its first contacts
        JdbcAppender unit = db.currentUnit();
        if (unit != null && unit.change() > 0) {
            return unit.change();
        }
        db.kept(c, "UPDATE store_change SET changes = changes + 1").executeUpdate();
        long change;
        try (ResultSet r = db.kept(c, "SELECT changes FROM store_change").executeQuery()) {
            change = r.next() ? r.getLong(1) : 0;
        }
        if (unit != null) {
            unit.counted(change);
        }
        return change;
    }

    /** Marks an account changed by this transaction's change (migration 11): its conversations changed with it. */
    static void accountChanged(Database db, Connection c, long accountId, long change) throws SQLException {
        PreparedStatement upsert = db.kept(c, """
                INSERT INTO account_change (account_id, change_seq) VALUES (?, ?)
                ON CONFLICT (account_id) DO UPDATE SET change_seq = excluded.change_seq""");
        upsert.setLong(1, accountId);
        upsert.setLong(2, change);
        upsert.executeUpdate();
    }

    /** Records that this transaction's change deleted conversations (migration 11). */
    static void deleted(Connection c, long change) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE store_change SET deleted_at = ?")) {
            update.setLong(1, change);
            update.executeUpdate();
        }
    }

    /** What changed after the given count: read the count first, so that nothing counted up to it is missed. */
    static org.sweetie.core.ConversationStore.Changed changedSince(Connection c, long since) throws SQLException {
        long now;
        long deletedAt;
        try (PreparedStatement q = c.prepareStatement("SELECT changes, deleted_at FROM store_change");
             ResultSet r = q.executeQuery()) {
            r.next();
            now = r.getLong(1);
            deletedAt = r.getLong(2);
        }
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        if (now != since) {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT conversation_id FROM conversation_stored WHERE change_seq > ?
                    UNION SELECT c.id FROM account_change a JOIN conversation c ON c.partner_account_id = a.account_id
                    WHERE a.change_seq > ?""")) {
                q.setLong(1, since);
                q.setLong(2, since);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
        }
        return new org.sweetie.core.ConversationStore.Changed(now, List.copyOf(ids), deletedAt > since);
    }

    /** The summaries of the given conversations (those the store has), in the order given. */
    static List<ConversationStats> of(Connection c, Sealer sealer, List<Long> ids) throws SQLException {
        List<ConversationStats> found = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            found.addAll(details(c, sealer, ids.subList(from, Math.min(ids.size(), from + CHUNK))));
        }
        return found;
    }

    static long changes(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT changes FROM store_change");
             ResultSet r = q.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    static long count(Connection c, Sealer sealer, ConversationQuery query) throws SQLException {
        Where where = Where.of(query, sealer);
        try (PreparedStatement q = c.prepareStatement("SELECT count(*) " + where.from + where.sql)) {
            where.bind(q, 1);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The ids of every conversation that passes the query, newest first, on the summaries alone. */
    static List<Long> ids(Connection c, Sealer sealer, ConversationQuery query) throws SQLException {
        Where where = Where.of(query, sealer);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT s.conversation_id " + where.from + where.sql
                + " ORDER BY s.conversation_id DESC")) {
            where.bind(q, 1);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The page's ids first, on the summaries alone; then what the list shows of those only. */
    static List<ConversationStats> page(Connection c, Sealer sealer, ConversationQuery query, long offset,
                                        int limit) throws SQLException {
        Where where = Where.of(query, sealer);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT s.conversation_id " + where.from + where.sql
                + " ORDER BY s.conversation_id DESC LIMIT ? OFFSET ?")) {
            int next = where.bind(q, 1);
            q.setLong(next, limit);
            q.setLong(next + 1, offset);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        List<ConversationStats> found = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            found.addAll(details(c, sealer, ids.subList(from, Math.min(ids.size(), from + CHUNK))));
        }
        return found;
    }

    /**
     * A conversation from a row of c.id, pa.network, pa.protocol, p.handle, pa.handle, ca.handle, c.channel, pa.id,
     * ca.id: the accounts' handles are sealed for their rows.
     */
    static Conversation conversation(ResultSet r, Sealer sealer) throws SQLException {
        Network network = new Network(StoredText.read(r, 2), Protocol.valueOf(r.getString(3)));
        return new Conversation(r.getLong(1), new ConversationKey(network, StoredText.read(r, 4),
                sealer.open(r.getString(5), "account.handle", Long.toString(r.getLong(8))),
                sealer.open(r.getString(6), "account.handle", Long.toString(r.getLong(9))), StoredText.read(r, 7)));
    }

    private static List<ConversationStats> details(Connection c, Sealer sealer, List<Long> ids) throws SQLException {
        Map<Long, ConversationStats> byId = new LinkedHashMap<>();
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement q = c.prepareStatement(DETAILS.formatted(marks))) {
            for (int i = 0; i < ids.size(); i++) {
                q.setLong(i + 1, ids.get(i));
            }
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Conversation conversation = conversation(r, sealer);
                    byId.put(conversation.id(), new ConversationStats(conversation, instant(r, 10), instant(r, 11),
                            r.getInt(12), r.getInt(13), stages(r.getString(14)), r.getString(15),
                            r.getInt(16) != 0));
                }
            }
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Set<Stage> stages(String stored) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        Arrays.stream(stored.split(",")).filter(s -> !s.isEmpty()).forEach(s -> stages.add(Stage.valueOf(s)));
        return stages;
    }

    /** The query's criteria as a FROM with only the joins they need and a WHERE, with the values to bind. */
    private record Where(String from, String sql, List<Object> values) {
        private static final String TERM = "EXISTS (SELECT 1 FROM conversation_term t WHERE t.term = ? "
                + "AND t.conversation_id = s.conversation_id)";

        static Where of(ConversationQuery query, Sealer sealer) {
            List<String> terms = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            StringBuilder from = new StringBuilder("FROM conversation_summary s");
            boolean persona = query.persona() != null || query.desk() != null && !query.desk().isEmpty();
            if (persona || query.network() != null || query.partnerHandle() != null) {
                from.append(" JOIN conversation c ON c.id = s.conversation_id");
            }
            if (persona) {
                from.append(" JOIN persona p ON p.id = c.persona_id");
            }
            if (query.network() != null) {
                from.append(" JOIN account pa ON pa.id = c.persona_account_id");
                terms.add("lower(pa.network) = lower(?)");
                values.add(StoredText.of(query.network()));
            }
            if (query.partnerHandle() != null) {
                from.append(" JOIN account ca ON ca.id = c.partner_account_id");
                terms.add("ca.handle_key = ?");
                values.add(sealer.index("account.handle", query.partnerHandle()));
            }
            if (query.persona() != null) {
                terms.add("lower(p.handle) = lower(?)");
                values.add(StoredText.of(query.persona()));
            }
            // search: through the keyed hashes of the conversation's words and identifiers (migration 10)
            if (query.identifier() != null) {
                terms.add(TERM);
                values.add(JdbcAppender.identifierTerm(sealer, query.identifier()));
            }
            if (query.text() != null) {
                for (String word : org.sweetie.core.SearchTerms.words(query.text())) {
                    terms.add(TERM);
                    values.add(JdbcAppender.wordTerm(sealer, word));
                }
            }
            for (Stage stage : query.stages().stream().sorted().toList()) {
                terms.add("s.stages LIKE ?");
                values.add("%," + stage.name().toUpperCase(Locale.ROOT) + ",%");
            }
            if (query.qualified() != null) {
                terms.add(query.qualified().equals("wcst") ? "s.qualification = 'wcst'" : "s.qualification <> 'none'");
            }
            if (query.since() != null) {
                terms.add("s.last_at >= ?");
                values.add(query.since().toEpochMilli());
            }
            if (query.until() != null) {
                terms.add("s.first_at <= ?");
                values.add(query.until().toEpochMilli());
            }
            if (query.desk() != null) {
                List<String> handles = query.desk().stream().sorted().toList();
                terms.add(handles.isEmpty() ? "s.reached_operators = 1" : "(s.reached_operators = 1 OR p.handle IN ("
                        + String.join(", ", java.util.Collections.nCopies(handles.size(), "?")) + "))");
                handles.forEach(h -> values.add(StoredText.of(h)));
            }
            return new Where(from + " ", terms.isEmpty() ? "" : "WHERE " + String.join(" AND ", terms), values);
        }

        /** Binds the values from the given parameter on; returns the next parameter's index. */
        int bind(PreparedStatement q, int first) throws SQLException {
            int i = first;
            for (Object value : values) {
                if (value instanceof Long l) {
                    q.setLong(i++, l);
                } else {
                    q.setString(i++, (String) value);
                }
            }
            return i;
        }
    }
}
