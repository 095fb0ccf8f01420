package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyst's decisions on links, from the command line. */
class SuspectsCliTest {
    @TempDir
    Path folder;

    @Test
    void anAnalystRejectsALinkAndTheAccountsAreTwoSuspectsAgain() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        Files.writeString(logs.resolve("irc.examplenet.dave_uk.weechatlog"),
                "2013-10-01 10:00:00\tdave_uk\tadd me on skype dave.example.uk\n"
                        + "2013-10-01 10:00:30\tSweetie10\thi\n", StandardCharsets.UTF_8);
        Files.writeString(logs.resolve("irc.examplenet.davey.weechatlog"),
                "2013-10-02 10:00:00\tdavey\tmy skype is dave.example.uk\n"
                        + "2013-10-02 10:00:30\tSweetie10\thi\n", StandardCharsets.UTF_8);
        // imported last, so the highest suspect number, but identified by two contacts: the highest priority
        Files.writeString(logs.resolve("irc.examplenet.zed.weechatlog"),
                "2013-10-03 10:00:00\tzed\tmail me zed@example.com or call +44 7700 900123\n"
                        + "2013-10-03 10:00:30\tSweetie10\thi\n", StandardCharsets.UTF_8);
        String db = folder.resolve("store.db").toString();
        String key = folder.resolve("evidence.key").toString();
        assertThat(CliTest.sweetie("import", "--persona", "Sweetie10", "--no-persona-check", "--db", db, "--key", key,
                logs.toString()).exitCode()).isZero();

        String listed = CliTest.sweetie("suspects", "--db", db, "--key", key).out();
        assertThat(listed.lines().filter(l -> l.startsWith("#")).toList()).as("by priority")
                .containsExactly("#2 priority 40: identified, not qualified; conversation #3",
                        "#1 priority 15: reachable, not qualified; conversations #1, #2");
        assertThat(listed).contains("    accounts: dave_uk@examplenet, davey@examplenet")
                .contains("    linked by --link skype:dave.example.uk (accounts dave_uk@examplenet, davey@examplenet)");

        CliTest.Run unknown = CliTest.sweetie("suspects", "reject", "--link", "skype:nobody", "--account",
                "davey@examplenet", "--analyst", "ana", "--db", db, "--key", key);
        assertThat(unknown.exitCode()).isEqualTo(1);
        CliTest.Run rejected = CliTest.sweetie("suspects", "reject", "--link", "skype:dave.example.uk", "--account",
                "davey@examplenet", "--analyst", "ana", "--note", "different writing style", "--db", db, "--key", key);
        assertThat(rejected.exitCode()).isZero();
        assertThat(rejected.out()).contains("reject skype dave.example.uk for davey@examplenet by ana");
        assertThat(CliTest.sweetie("suspects", "--db", db, "--key", key).out())
                .contains("accounts: dave_uk@examplenet\n").contains("accounts: davey@examplenet\n")
                .doesNotContain("linked by");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                CliTest.sweetie("suspects", "--json", "--db", db, "--key", key).out());
        assertThat(json.get("suspects").get(0).get("accounts").get(0).asText()).isEqualTo("zed@examplenet");
        assertThat(json.get("suspects").get(0).get("priority").asInt()).isEqualTo(40);
        assertThat(json.get("suspects")).hasSize(3);
    }

    /** A partner's handle is his to choose: line breaks, ESC and C1 controls must show, not act, on the terminal. */
    @Test
    void controlCharactersInAHandleAreShownEscaped() throws Exception {
        Path log = folder.resolve("hostile.jsonl");
        Files.writeString(log, "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:01Z\",\"network\":\"libera\","
                + "\"partner\":\"m\\r\\n#9 identified\\u001b[2J\\u009b31m\\u0007\",\"from\":\"m\",\"text\":\"hi\"}\n",
                StandardCharsets.UTF_8);
        String db = folder.resolve("store.db").toString();
        String key = folder.resolve("evidence.key").toString();
        assertThat(CliTest.sweetie("import", "--persona", "Sweetie10", "--no-persona-check", "--db", db, "--key", key,
                log.toString()).exitCode()).isZero();

        String listed = CliTest.sweetie("suspects", "--db", db, "--key", key).out();

        assertThat(listed).contains("accounts: 'm\\u000d\\u000a#9 identified\\u001b{2j\\u009b31m\\u0007@libera'");
        assertThat(listed.lines()).hasSize(2);
        assertThat(listed.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f)).isEmpty();
    }
}
