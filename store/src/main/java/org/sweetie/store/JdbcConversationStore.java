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
    private static final String CONVERSATION_COLUMNS = """
            SELECT c.id, pa.network, pa.protocol, p.handle, pa.handle, ca.handle, c.channel
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
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM account WHERE network = ? AND handle = ?")) {
                q.setString(1, StoredText.of(network.name()));
                q.setString(2, StoredText.of(Account.handleOf(handle)));
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? Optional.of(readAccount(c, r.getLong(1))) : Optional.<Account>empty();
                }
            }
        });
    }

    private static long accountId(Connection c, Network network, String foldedHandle) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO account (network, protocol, handle) VALUES (?, ?, ?)
                ON CONFLICT (network, handle) DO NOTHING""")) {
            insert.setString(1, StoredText.of(network.name()));
            insert.setString(2, network.protocol().name());
            insert.setString(3, StoredText.of(foldedHandle));
            insert.executeUpdate();
        }
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM account WHERE network = ? AND handle = ?")) {
            q.setString(1, StoredText.of(network.name()));
            q.setString(2, StoredText.of(foldedHandle));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Account readAccount(Connection c, long id) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT name FROM account_name WHERE account_id = ? ORDER BY name")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    names.add(StoredText.read(r, 1));
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement(
                "SELECT network, protocol, handle, host FROM account WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return new Account(id, new Network(StoredText.read(r, 1), Protocol.valueOf(r.getString(2))),
                        StoredText.read(r, 3), names, StoredText.read(r, 4));
            }
        }
    }

    @Override
    public Account sawAccount(Account account, String displayName, String host) {
        return db.write(c -> {
            if (displayName != null && !displayName.isBlank()) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO account_name (account_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                    insert.setLong(1, account.id());
                    insert.setString(2, StoredText.of(displayName));
                    insert.executeUpdate();
                }
            }
            if (host != null && !host.isBlank()) {
                try (PreparedStatement update = c.prepareStatement("UPDATE account SET host = ? WHERE id = ?")) {
                    update.setString(1, StoredText.of(host));
                    update.setLong(2, account.id());
                    update.executeUpdate();
                }
            }
            ConversationSummaries.accountChanged(c, account.id(), ConversationSummaries.changed(c));
            return readAccount(c, account.id());
        });
    }

    @Override
    public void recordLinkDecision(org.sweetie.core.LinkDecision d) {
        db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO link_decision (decided_at, analyst, "
                    + "decision, key_kind, key_value, network, handle, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, d.time().toEpochMilli());
                insert.setString(2, StoredText.of(d.analyst()));
                insert.setString(3, d.decision());
                insert.setString(4, d.keyKind());
                insert.setString(5, StoredText.of(d.keyValue()));
                insert.setString(6, StoredText.of(d.network()));
                insert.setString(7, StoredText.of(d.handle()));
                insert.setString(8, StoredText.of(d.note()));
                insert.executeUpdate();
            }
            ConversationSummaries.changed(c);
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
                    found.add(new org.sweetie.core.LinkDecision(Instant.ofEpochMilli(r.getLong(1)),
                            StoredText.read(r, 2), r.getString(3), r.getString(4), StoredText.read(r, 5),
                            StoredText.read(r, 6), StoredText.read(r, 7), StoredText.read(r, 8)));
                }
            }
            return found;
        });
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
            ConversationSummaries.deleted(c, ConversationSummaries.changed(c));
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
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM persona WHERE handle = ?")) {
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
            try (PreparedStatement insert = c.prepareStatement(db.dialect == Dialect.SQLITE ? """
                    INSERT INTO conversation (id, persona_id, persona_account_id, partner_account_id, channel)
                    VALUES (1 + MAX(COALESCE((SELECT MAX(id) FROM conversation), 0),
                                    COALESCE((SELECT MAX(conversation_id) FROM evidence_entry), 0)), ?, ?, ?, ?)
                    ON CONFLICT (persona_account_id, partner_account_id, channel) DO NOTHING""" : """
                    INSERT INTO conversation (persona_id, persona_account_id, partner_account_id, channel)
                    VALUES (?, ?, ?, ?) ON CONFLICT (persona_account_id, partner_account_id, channel) DO NOTHING""")) {
                insert.setLong(1, personaId);
                insert.setLong(2, personaAccount);
                insert.setLong(3, partnerAccount);
                insert.setString(4, StoredText.of(channel));
                created = insert.executeUpdate() == 1;
            }
            Conversation conversation;
            try (PreparedStatement q = c.prepareStatement(CONVERSATION_COLUMNS
                    + "WHERE c.persona_account_id = ? AND c.partner_account_id = ? AND c.channel = ?")) {
                q.setLong(1, personaAccount);
                q.setLong(2, partnerAccount);
                q.setString(3, StoredText.of(channel));
                conversation = conversations(q).getFirst();
            }
            if (created) {
                ConversationSummaries.refresh(c, db.dialect, conversation.id(), ConversationSummaries.changed(c));
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

    private static List<Conversation> conversations(PreparedStatement q) throws SQLException {
        List<Conversation> found = new ArrayList<>();
        try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
                Network network = new Network(StoredText.read(r, 2), Protocol.valueOf(r.getString(3)));
                found.add(new Conversation(r.getLong(1), new ConversationKey(network, StoredText.read(r, 4),
                        StoredText.read(r, 5), StoredText.read(r, 6), StoredText.read(r, 7))));
            }
        }
        return found;
    }

    @Override
    public List<ConversationStats> conversationStats(ConversationQuery query, long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit are 0 or more, not " + offset + "/" + limit);
        }
        return db.read(c -> ConversationSummaries.page(c, query, offset, limit));
    }

    @Override
    public long countConversations(ConversationQuery query) {
        return db.read(c -> ConversationSummaries.count(c, query));
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
        return db.read(c -> ConversationSummaries.ids(c, query));
    }

    @Override
    public List<ConversationStats> conversationStats(List<Long> ids) {
        return db.read(c -> ConversationSummaries.of(c, ids));
    }

    @Override
    public Optional<Instant> storedAt(long conversationId) {
        return Optional.ofNullable(db.read(c -> ConversationSummaries.storedAt(c, conversationId)));
    }

    @Override
    public List<Message> messages(long conversationId) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT seq, sent_at, author_kind, operator_id, sender, text, raw, source_id, delay_stamp
                    FROM message WHERE conversation_id = ? ORDER BY seq""")) {
                q.setLong(1, conversationId);
                List<Message> found = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        Author author = new Author(AuthorKind.valueOf(r.getString(3)), StoredText.read(r, 4));
                        long millis = r.getLong(9);
                        Instant stamp = r.wasNull() ? null : Instant.ofEpochMilli(millis);
                        found.add(new Message(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)), author,
                                StoredText.read(r, 5), StoredText.read(r, 6), StoredText.read(r, 7),
                                StoredText.read(r, 8), stamp));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public List<Event> events(long conversationId) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT occurred_at, kind, actor, detail, raw, source_id, after_seq
                    FROM event WHERE conversation_id = ? ORDER BY id""")) {
                q.setLong(1, conversationId);
                List<Event> found = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        long stored = r.getLong(7);
                        long afterSeq = r.wasNull() ? Event.UNPLACED : stored;
                        found.add(new Event(Instant.ofEpochMilli(r.getLong(1)), EventKind.valueOf(r.getString(2)),
                                StoredText.read(r, 3), StoredText.read(r, 4), StoredText.read(r, 5),
                                StoredText.read(r, 6), afterSeq));
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
                                StoredText.read(r, 4)));
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
                    WHERE path = ? OR head_sha256 = ? ORDER BY id""")) {
                q.setString(1, StoredText.of(path));
                q.setString(2, headSha256);
                List<ImportedFile> found = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        found.add(new ImportedFile(r.getLong(1), StoredText.read(r, 2), r.getString(3), r.getLong(4),
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
                    INSERT INTO imported_file (head_sha256, bytes, lines, sha256, imported_at, path)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")) {
                bindImport(insert, file);
                insert.setString(6, StoredText.of(file.path()));
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
