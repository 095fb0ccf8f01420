package org.sweetie.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sweetie.core.Account;
import org.sweetie.core.Author;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationQuery;
import org.sweetie.core.ConversationStats;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.Flag;
import org.sweetie.core.EventKind;
import org.sweetie.core.EvidenceStorage;
import org.sweetie.core.ImportedFile;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Protocol;
import org.sweetie.core.StoreCounts;

/** The conversation store over JDBC; the same SQL serves SQLite and PostgreSQL. */
final class JdbcConversationStore implements ConversationStore {
    static final String CONVERSATION_COLUMNS = """
            SELECT c.id, pa.network, pa.protocol, p.handle, pa.handle, ca.handle, c.channel, pa.id, ca.id
            FROM conversation c
            JOIN persona p ON p.id = c.persona_id
            JOIN account pa ON pa.id = c.persona_account_id
            JOIN account ca ON ca.id = c.partner_account_id
            """;

    private final Database db;
    private final JdbcEvidenceStorage evidence;
    private final JdbcUserStore users;

    JdbcConversationStore(Database db) {
        this.db = db;
        this.evidence = new JdbcEvidenceStorage(db);
        this.users = new JdbcUserStore(db);
    }

    @Override
    public EvidenceStorage evidence() {
        return evidence;
    }

    @Override
    public org.sweetie.core.UserStore users() {
        return users;
    }

    @Override
    public Persona persona(Persona persona) {
        db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO persona (handle, nicknames, stated_age, country, languages, profile)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (handle) DO NOTHING""")) {
                insert.setString(1, StoredText.of(persona.handle()));
                insert.setString(2, StoredText.of(String.join("\n", persona.nicknames())));
                insert.setObject(3, persona.statedAge());
                insert.setString(4, StoredText.of(persona.country()));
                insert.setString(5, StoredText.of(String.join("\n", persona.languages())));
                insert.setString(6, StoredText.of(persona.profileText()));
                insert.executeUpdate();
            }
            return null;
        });
        return db.write(c -> readPersona(c, persona.handle()));
    }

    private static Persona readPersona(Connection c, String handle) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT handle, nicknames, stated_age, country, languages, profile FROM persona WHERE handle = ?")) {
            q.setString(1, StoredText.of(handle));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                Integer age = r.getObject(3) == null ? null : r.getInt(3);
                return new Persona(StoredText.read(r, 1), lines(StoredText.read(r, 2)), age, StoredText.read(r, 4),
                        lines(StoredText.read(r, 5)), StoredText.read(r, 6));
            }
        }
    }

    private static List<String> lines(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    @Override
    public Account account(Network network, String handle) {
        String folded = Account.handleOf(handle);
        return db.write(c -> readAccount(c, accountId(c, network, folded)));
    }

    @Override
    public Optional<Account> findAccount(Network network, String handle) {
        return db.read(c -> {
            { PreparedStatement q = db.kept(c, 
                    "SELECT id FROM account WHERE network = ? AND handle_key = ?");
                q.setString(1, StoredText.of(network.name()));
                q.setString(2, handleKey(Account.handleOf(handle)));
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? Optional.of(readAccount(c, r.getLong(1))) : Optional.<Account>empty();
                }
            }
        });
    }

    /** The keyed hash an account's (folded) handle is found by, on any network. */
    private String handleKey(String foldedHandle) {
        return db.sealer.index("account.handle", foldedHandle);
    }

    private long accountId(Connection c, Network network, String foldedHandle) throws SQLException {
        String key = handleKey(foldedHandle);
        { PreparedStatement q = db.kept(c, "SELECT id FROM account WHERE network = ? AND handle_key = ?");
            q.setString(1, StoredText.of(network.name()));
            q.setString(2, key);
            try (ResultSet r = q.executeQuery()) {
                if (r.next()) {
                    return r.getLong(1);
                }
            }
        }
        // The handle is sealed for its row's id, which the insert gives: a placeholder first, the sealed handle next
        // (a unique placeholder, as the old UNIQUE (network, handle) still stands).
        long id;
        { PreparedStatement insert = db.kept(c, """
                INSERT INTO account (network, protocol, handle, handle_key) VALUES (?, ?, ?, ?) RETURNING id""");
            insert.setString(1, StoredText.of(network.name()));
            insert.setString(2, network.protocol().name());
            insert.setString(3, "-" + key);
            insert.setString(4, key);
            try (ResultSet r = insert.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
        }
        { PreparedStatement update = db.kept(c, "UPDATE account SET handle = ? WHERE id = ?");
            update.setString(1, db.sealer.seal(foldedHandle, "account.handle", Long.toString(id)));
            update.setLong(2, id);
            update.executeUpdate();
        }
        return id;
    }

    private Account readAccount(Connection c, long id) throws SQLException {
        List<String> names = new ArrayList<>();
        String row = Long.toString(id);
        { PreparedStatement q = db.kept(c, "SELECT name FROM account_name WHERE account_id = ?");
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    names.add(db.sealer.open(r.getString(1), "account_name.name", row));
                }
            }
        }
        names.sort(null); // sealed values do not sort in the database

        { PreparedStatement q = db.kept(c, 
                "SELECT network, protocol, handle, host FROM account WHERE id = ?");
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return new Account(id, new Network(StoredText.read(r, 1), Protocol.valueOf(r.getString(2))),
                        db.sealer.open(r.getString(3), "account.handle", row), names,
                        db.sealer.open(r.getString(4), "account.host", row));
            }
        }
    }

    @Override
    public Account sawAccount(Account account, String displayName, String host) {
        return db.write(c -> {
            saw(c, account.id(), displayName, host);
            return readAccount(c, account.id());
        });
    }

    @Override
    public void sawAccount(Network network, String handle, String displayName, String host) {
        db.write(c -> {
            saw(c, accountId(c, network, Account.handleOf(handle)), displayName, host);
            return null;
        });
    }

    private void saw(Connection c, long accountId, String displayName, String host) throws SQLException {
        String row = Long.toString(accountId);
        if (displayName != null && !displayName.isBlank()) {
            PreparedStatement insert = db.kept(c, "INSERT INTO account_name (account_id, name, name_key) VALUES "
                    + "(?, ?, ?) ON CONFLICT DO NOTHING");
            insert.setLong(1, accountId);
            insert.setString(2, db.sealer.seal(displayName, "account_name.name", row));
            insert.setString(3, db.sealer.index("account_name.name", displayName));
            insert.executeUpdate();
        }
        if (host != null && !host.isBlank()) {
            PreparedStatement update = db.kept(c, "UPDATE account SET host = ? WHERE id = ?");
            update.setString(1, db.sealer.seal(host, "account.host", row));
            update.setLong(2, accountId);
            update.executeUpdate();
        }
        ConversationSummaries.accountChanged(db, c, accountId, ConversationSummaries.changed(db, c));
    }

    @Override
    public void recordLinkDecision(org.sweetie.core.LinkDecision d) {
        db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO link_decision (decided_at, analyst, "
                    + "decision, key_kind, key_value, network, handle, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                String row = linkDecisionRow(d.time().toEpochMilli(), d.analyst());
                insert.setLong(1, d.time().toEpochMilli());
                insert.setString(2, StoredText.of(d.analyst()));
                insert.setString(3, d.decision());
                insert.setString(4, d.keyKind());
                insert.setString(5, db.sealer.seal(d.keyValue(), "link_decision.key_value", row));
                insert.setString(6, StoredText.of(d.network()));
                insert.setString(7, db.sealer.seal(d.handle(), "link_decision.handle", row));
                insert.setString(8, db.sealer.seal(d.note(), "link_decision.note", row));
                insert.executeUpdate();
            }
            ConversationSummaries.changed(db, c);
            return null;
        });
    }

    @Override
    public List<org.sweetie.core.LinkDecision> linkDecisions() {
        return db.read(c -> {
            List<org.sweetie.core.LinkDecision> found = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT decided_at, analyst, decision, key_kind, key_value, "
                    + "network, handle, note FROM link_decision ORDER BY id");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    String analyst = StoredText.read(r, 2);
                    String row = linkDecisionRow(r.getLong(1), analyst);
                    found.add(new org.sweetie.core.LinkDecision(Instant.ofEpochMilli(r.getLong(1)),
                            analyst, r.getString(3), r.getString(4),
                            db.sealer.open(r.getString(5), "link_decision.key_value", row),
                            StoredText.read(r, 6), db.sealer.open(r.getString(7), "link_decision.handle", row),
                            db.sealer.open(r.getString(8), "link_decision.note", row)));
                }
            }
            return found;
        });
    }

    /** A link decision's values are sealed for when and by whom it was taken (its id comes after the insert). */
    private static String linkDecisionRow(long millis, String analyst) {
        return millis + "/" + analyst;
    }

    @Override
    public Purged delete(List<Long> conversationIds) {
        return db.write(c -> {
            long messages = 0;
            long events = 0;
            long flags = 0;
            int conversations = 0;
            java.util.Set<Long> accounts = new java.util.HashSet<>();
            for (long id : conversationIds) {
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT persona_account_id, partner_account_id FROM conversation WHERE id = ?")) {
                    q.setLong(1, id);
                    try (ResultSet r = q.executeQuery()) {
                        if (!r.next()) {
                            continue;
                        }
                        accounts.add(r.getLong(1));
                        accounts.add(r.getLong(2));
                    }
                }
                messages += deleteRows(c, "DELETE FROM message WHERE conversation_id = ?", id);
                events += deleteRows(c, "DELETE FROM event WHERE conversation_id = ?", id);
                flags += deleteRows(c, "DELETE FROM analysis_flag WHERE conversation_id = ?", id);
                deleteRows(c, "DELETE FROM conversation_term WHERE conversation_id = ?", id);
                deleteRows(c, "DELETE FROM conversation_summary WHERE conversation_id = ?", id);
                deleteRows(c, "DELETE FROM conversation_stored WHERE conversation_id = ?", id);
                conversations += deleteRows(c, "DELETE FROM conversation WHERE id = ?", id);
            }
            int removed = 0;
            for (long account : accounts) {
                try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM conversation WHERE persona_account_id = ?"
                        + " OR partner_account_id = ?")) {
                    q.setLong(1, account);
                    q.setLong(2, account);
                    try (ResultSet r = q.executeQuery()) {
                        if (r.next()) {
                            continue;
                        }
                    }
                }
                deleteRows(c, "DELETE FROM account_name WHERE account_id = ?", account);
                deleteRows(c, "DELETE FROM account_change WHERE account_id = ?", account);
                removed += deleteRows(c, "DELETE FROM account WHERE id = ?", account);
            }
            db.forgetTails(conversationIds);
            ConversationSummaries.deleted(c, ConversationSummaries.changed(db, c));
            return new Purged(conversations, messages, events, flags, removed);
        });
    }

    private static int deleteRows(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement d = c.prepareStatement(sql)) {
            d.setLong(1, id);
            return d.executeUpdate();
        }
    }

    @Override
    public Conversation conversation(ConversationKey key) {
        return db.write(c -> {
            long personaId;
            { PreparedStatement q = db.kept(c, "SELECT id FROM persona WHERE handle = ?");
                q.setString(1, StoredText.of(key.persona()));
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        throw new StoreException("unknown persona " + key.persona() + ": store the persona first");
                    }
                    personaId = r.getLong(1);
                }
            }
            long personaAccount = accountId(c, key.network(), key.personaAccount());
            long partnerAccount = accountId(c, key.network(), key.partnerAccount());
            String channel = key.isPrivate() ? "" : key.channel();
            boolean created;
            // SQLite would give a new row the largest id again once that row is deleted; a purged conversation's id
            // stays in the evidence log with its leaf hashes, so a new conversation must never take it (export and
            // the purge entry would speak of two conversations). PostgreSQL's identity never reuses an id.
            { PreparedStatement insert = db.kept(c, db.dialect == Dialect.SQLITE ? """
                    INSERT INTO conversation (id, persona_id, persona_account_id, partner_account_id, channel)
                    VALUES (1 + MAX(COALESCE((SELECT MAX(id) FROM conversation), 0),
                                    COALESCE((SELECT MAX(conversation_id) FROM evidence_entry), 0)), ?, ?, ?, ?)
                    ON CONFLICT (persona_account_id, partner_account_id, channel) DO NOTHING""" : """
                    INSERT INTO conversation (persona_id, persona_account_id, partner_account_id, channel)
                    VALUES (?, ?, ?, ?) ON CONFLICT (persona_account_id, partner_account_id, channel) DO NOTHING""");
                insert.setLong(1, personaId);
                insert.setLong(2, personaAccount);
                insert.setLong(3, partnerAccount);
                insert.setString(4, StoredText.of(channel));
                created = insert.executeUpdate() == 1;
            }
            Conversation conversation;
            { PreparedStatement q = db.kept(c, CONVERSATION_COLUMNS
                    + "WHERE c.persona_account_id = ? AND c.partner_account_id = ? AND c.channel = ?");
                q.setLong(1, personaAccount);
                q.setLong(2, partnerAccount);
                q.setString(3, StoredText.of(channel));
                conversation = conversations(q).getFirst();
            }
            if (created) {
                ConversationSummaries.created(db, c, conversation.id(), ConversationSummaries.changed(db, c));
            }
            return conversation;
        });
    }

    @Override
    public Optional<Conversation> findConversation(long id) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement(CONVERSATION_COLUMNS + "WHERE c.id = ?")) {
                q.setLong(1, id);
                return conversations(q).stream().findFirst();
            }
        });
    }

    @Override
    public List<Conversation> conversations() {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement(CONVERSATION_COLUMNS + "ORDER BY c.id")) {
                return conversations(q);
            }
        });
    }

    private List<Conversation> conversations(PreparedStatement q) throws SQLException {
        List<Conversation> found = new ArrayList<>();
        try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
                found.add(ConversationSummaries.conversation(r, db.sealer));
            }
        }
        return found;
    }

    @Override
    public List<ConversationStats> conversationStats(ConversationQuery query, long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit are 0 or more, not " + offset + "/" + limit);
        }
        return db.read(c -> ConversationSummaries.page(c, db.sealer, query, offset, limit));
    }

    @Override
    public long countConversations(ConversationQuery query) {
        return db.read(c -> ConversationSummaries.count(c, db.sealer, query));
    }

    @Override
    public List<Long> conversationsWithEvent(EventKind kind) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT DISTINCT conversation_id FROM event WHERE kind = ? ORDER BY conversation_id")) {
                q.setString(1, kind.name());
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
    public long changes() {
        return db.read(ConversationSummaries::changes);
    }

    @Override
    public Changed changedSince(long changes) {
        return db.read(c -> ConversationSummaries.changedSince(c, changes));
    }

    @Override
    public List<Long> conversationIds(ConversationQuery query) {
        return db.read(c -> ConversationSummaries.ids(c, db.sealer, query));
    }

    @Override
    public List<ConversationStats> conversationStats(List<Long> ids) {
        return db.read(c -> ConversationSummaries.of(c, db.sealer, ids));
    }

    @Override
    public Optional<Instant> storedAt(long conversationId) {
        return Optional.ofNullable(db.read(c -> ConversationSummaries.storedAt(c, conversationId)));
    }

    @Override
    public List<Message> messages(long conversationId) {
        // kept: the analysis reads every conversation it has not seen yet, and a burst of first contacts spent more
        // preparing this statement than running it
        return db.read(c -> {
            { PreparedStatement q = db.kept(c, "SELECT " + MESSAGE_COLUMNS
                    + "FROM message WHERE conversation_id = ? ORDER BY seq");
                q.setLong(1, conversationId);
                List<Message> found = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        found.add(message(r, 1, conversationId, db.sealer));
                    }
                }
                return found;
            }
        });
    }

    /** A message's columns, in the order {@link #message} reads them. */
    static final String MESSAGE_COLUMNS =
            "seq, sent_at, author_kind, operator_id, sender, text, raw, source_id, delay_stamp ";

    /** The message whose {@link #MESSAGE_COLUMNS} start at column {@code at} of the current row. */
    static Message message(ResultSet r, int at, long conversationId, Sealer sealer) throws SQLException {
        long seq = r.getLong(at);
        String row = conversationId + "/" + seq;
        Author author = new Author(AuthorKind.valueOf(r.getString(at + 2)),
                sealer.open(r.getString(at + 3), "message.operator_id", row));
        long millis = r.getLong(at + 8);
        Instant stamp = r.wasNull() ? null : Instant.ofEpochMilli(millis);
        return new Message(seq, Instant.ofEpochMilli(r.getLong(at + 1)), author,
                sealer.open(r.getString(at + 4), "message.sender", row),
                sealer.open(r.getString(at + 5), "message.text", row),
                sealer.open(r.getString(at + 6), "message.raw", row),
                sealer.open(r.getString(at + 7), "message.source_id", row), stamp);
    }

    @Override
    public List<Event> events(long conversationId) {
        return db.read(c -> {
            { PreparedStatement q = db.kept(c, """
                    SELECT occurred_at, kind, actor, detail, raw, source_id, after_seq
                    FROM event WHERE conversation_id = ? ORDER BY id""");
                q.setLong(1, conversationId);
                List<Event> found = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        long stored = r.getLong(7);
                        long afterSeq = r.wasNull() ? Event.UNPLACED : stored;
                        String row = JdbcAppender.eventRow(conversationId, r.getLong(1), r.getString(2));
                        Sealer sealer = db.sealer;
                        found.add(new Event(Instant.ofEpochMilli(r.getLong(1)), EventKind.valueOf(r.getString(2)),
                                sealer.open(r.getString(3), "event.actor", row),
                                sealer.open(r.getString(4), "event.detail", row),
                                sealer.open(r.getString(5), "event.raw", row),
                                sealer.open(r.getString(6), "event.source_id", row), afterSeq));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public List<Flag> flags(long conversationId) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT seq, kind, value, detail FROM analysis_flag WHERE conversation_id = ? ORDER BY id")) {
                q.setLong(1, conversationId);
                List<Flag> found = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        found.add(new Flag(r.getLong(1), r.getString(2), StoredText.read(r, 3),
                                db.sealer.open(r.getString(4), "analysis_flag.detail",
                                        JdbcAppender.flagRow(conversationId, r.getLong(1), r.getString(2)))));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public StoreCounts counts() {
        return db.read(c -> new StoreCounts(count(c, "persona"), count(c, "account"), count(c, "conversation"),
                count(c, "message"), count(c, "event")));
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM " + table);
             ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public List<ImportedFile> importedFiles(String path, String headSha256) {
        return db.write(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT id, path, head_sha256, bytes, lines, sha256, imported_at FROM imported_file
                    WHERE path_key = ? OR head_sha256 = ? ORDER BY id""")) {
                q.setString(1, db.sealer.index("imported_file.path", path));
                q.setString(2, headSha256);
                List<ImportedFile> found = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        found.add(new ImportedFile(r.getLong(1),
                                db.sealer.open(r.getString(2), "imported_file.path", ""), r.getString(3), r.getLong(4),
                                r.getLong(5), r.getString(6), Instant.ofEpochMilli(r.getLong(7))));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public ImportedFile recordImport(ImportedFile file) {
        return db.write(c -> {
            if (file.id() != 0) {
                try (PreparedStatement update = c.prepareStatement("""
                        UPDATE imported_file SET head_sha256 = ?, bytes = ?, lines = ?, sha256 = ?, imported_at = ?
                        WHERE id = ?""")) {
                    bindImport(update, file);
                    update.setLong(6, file.id());
                    if (update.executeUpdate() != 1) {
                        throw new StoreException("no import run #" + file.id() + " to record progress of");
                    }
                    return file;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO imported_file (head_sha256, bytes, lines, sha256, imported_at, path, path_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                bindImport(insert, file);
                insert.setString(6, db.sealer.seal(file.path(), "imported_file.path", ""));
                insert.setString(7, db.sealer.index("imported_file.path", file.path()));
                try (ResultSet r = insert.executeQuery()) {
                    r.next();
                    return file.withId(r.getLong(1));
                }
            }
        });
    }

    private static void bindImport(PreparedStatement statement, ImportedFile file) throws SQLException {
        statement.setString(1, file.headSha256());
        statement.setLong(2, file.bytes());
        statement.setLong(3, file.lines());
        statement.setString(4, file.sha256());
        statement.setLong(5, file.importedAt().toEpochMilli());
    }

    @Override
    public Appender appender() {
        return new JdbcAppender(db);
    }

    @Override
    public void close() {
        db.close();
    }
}
