package org.sweetie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;

/**
 * The console on the PostgreSQL every Sweetie machine runs (127.0.0.1:5432, database test, trust auth), in a schema
 * of its own: login, a transcript, a decision and the audit. When the server is not there the test fails.
 */
class ConsolePostgresTest {
    static final String SERVER = System.getProperty("sweetie.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");

    @Test
    void theWorkbenchRunsOnPostgresql(@TempDir Path folder) throws Exception {
        String schema = "sweetie_console_" + UUID.randomUUID().toString().replace("-", "");
        try (ConsoleFixture fixture = new ConsoleFixture(SERVER + "?user=postgres&currentSchema=" + schema, folder)) {
            Http analyst = new Http(fixture.base());
            assertThat(analyst.login("analyst", ConsoleFixture.PASSWORD).statusCode()).isEqualTo(303);
            assertThat(analyst.get("/conversations/" + fixture.hostile).body())
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
            assertThat(analyst.post("/suspects/1/decision", Map.of("action", "reject", "account", "davey@libera",
                    "link", "skype:dave.example.uk", "note", "different person")).statusCode()).isEqualTo(303);

            assertThat(fixture.raw.linkDecisions()).singleElement()
                    .satisfies(d -> assertThat(d.decision()).isEqualTo("reject"));
            assertThat(new AuditTrail(fixture.evidence).read(null, "analyst")).extracting(AuditEvent::action)
                    .containsExactly("login", "view_transcript", "decision");
            assertThat(analyst.get("/suspects").body()).contains("dave_uk@libera").contains("davey@libera")
                    .containsPattern("(?s)dave_uk@libera.*</tr>.*davey@libera");
        } finally {
            try (var c = DriverManager.getConnection(SERVER + "?user=postgres"); var s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
