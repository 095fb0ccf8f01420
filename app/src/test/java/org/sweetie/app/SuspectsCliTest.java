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
                "2013-10-01 10:00:00\tdave_uk\tadd me on skype dave.example.uk\n", StandardCharsets.UTF_8);
        Files.writeString(logs.resolve("irc.examplenet.davey.weechatlog"),
                "2013-10-02 10:00:00\tdavey\tmy skype is dave.example.uk\n", StandardCharsets.UTF_8);
        String db = folder.resolve("store.db").toString();
        String key = folder.resolve("evidence.key").toString();
        assertThat(CliTest.sweetie("import", "--persona", "Sweetie10", "--no-persona-check", "--db", db, "--key", key,
                logs.toString()).exitCode()).isZero();

        String listed = CliTest.sweetie("suspects", "--db", db, "--key", key).out();
        assertThat(listed).contains("[dave_uk@examplenet, davey@examplenet]")
                .contains("linked by skype dave.example.uk");

        CliTest.Run unknown = CliTest.sweetie("suspects", "reject", "--link", "skype:nobody", "--account",
                "davey@examplenet", "--analyst", "ana", "--db", db, "--key", key);
        assertThat(unknown.exitCode()).isEqualTo(1);
        CliTest.Run rejected = CliTest.sweetie("suspects", "reject", "--link", "skype:dave.example.uk", "--account",
                "davey@examplenet", "--analyst", "ana", "--note", "different writing style", "--db", db, "--key", key);
        assertThat(rejected.exitCode()).isZero();
        assertThat(rejected.out()).contains("reject skype dave.example.uk for davey@examplenet by ana");
        assertThat(CliTest.sweetie("suspects", "--db", db, "--key", key).out())
                .contains("[dave_uk@examplenet]").contains("[davey@examplenet]").doesNotContain("linked by");
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

        assertThat(listed).contains("[m\\u000d\\u000a#9 identified\\u001b{2j\\u009b31m\\u0007@libera]");
        assertThat(listed.lines()).hasSize(1);
        assertThat(listed.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f)).isEmpty();
    }
}
