package org.sweetie.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.ConversationQuery;
import org.sweetie.core.ConversationStats;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Stage;

class SqliteStoreTest extends StoreContract {
    @TempDir
    Path folder;
    private int stores;

    @Override
    String freshUrl() {
        return folder.resolve("nested/sweetie-" + ++stores + ".db").toString();
    }

    @Test
    void migrationEightSummarisesTheConversationsStoredBefore() throws Exception {
        String path = folder.resolve("before-8.db").toString();
        String url = "jdbc:sqlite:" + path;
        Flyway.configure().dataSource(url, null, null).locations(Dialect.SQLITE.migrations).target("7").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO persona (id, handle, nicknames, languages, profile) "
                    + "VALUES (1, 'sweetie10', '', '', '')");
            s.executeUpdate("INSERT INTO account (id, network, protocol, handle) VALUES (1, 'libera', 'IRC', "
                    + "'sweetie10'), (2, 'libera', 'IRC', 'alice'), (3, 'libera', 'IRC', 'bob')");
            s.executeUpdate("INSERT INTO conversation (id, persona_id, persona_account_id, partner_account_id, "
                    + "channel) VALUES (1, 1, 1, 2, ''), (2, 1, 1, 3, '')");
            s.executeUpdate("INSERT INTO message (conversation_id, seq, sent_at, author_kind, sender, text) "
                    + "VALUES (1, 1, 1000, 'PARTNER', 'alice', 'hi'), (1, 2, 500, 'PARTNER', 'alice', 'late')");
            s.executeUpdate("INSERT INTO event (conversation_id, occurred_at, kind, actor, detail, after_seq) "
                    + "VALUES (1, 900, 'JOIN', 'alice', 'joined', 0), (1, 900, 'OPERATOR', 'op1', 'took over', 1)");
            s.executeUpdate("INSERT INTO analysis_flag (conversation_id, seq, kind, value, detail) VALUES "
                    + "(1, 1, 'stage', 'webcam_request', ''), (1, 1, 'qualified', 'solicitation', ''), "
                    + "(1, 2, 'stage', 'webcam_request', ''), (1, 2, 'qualified', 'wcst', ''), "
                    + "(1, 2, 'qualified', 'solicitation', ''), (1, 2, 'identifier', 'email', 'a@example.com')");
        }
        try (ConversationStore migrated = Stores.open(path)) {
            assertThat(migrated.conversationStats(ConversationQuery.ALL, 0, 10)).containsExactly(
                    new ConversationStats(migrated.findConversation(2).orElseThrow(), null, null, 0, 0, Set.of(),
                            "none", false),
                    new ConversationStats(migrated.findConversation(1).orElseThrow(), Instant.ofEpochMilli(1000),
                            Instant.ofEpochMilli(500), 2, 2, Set.of(Stage.WEBCAM_REQUEST), "wcst", true));
            assertThat(migrated.changes()).isZero();
        }
    }
}
