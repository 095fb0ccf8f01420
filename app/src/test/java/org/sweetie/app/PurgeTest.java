package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data minimisation from the command line, and what it leaves verifiable. */
class PurgeTest {
    @TempDir
    Path folder;

    @Test
    void oldConversationsThatReachedNoStageAreDeletedAndTheRestStaysVerifiable() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        Files.writeString(logs.resolve("irc.examplenet.amy_smalltalk.weechatlog"), """
                2013-10-01 10:00:00\tamy_smalltalk\thi, nice weather in the unique-purge-marker town
                2013-10-01 10:00:05\tSweetie10\thi
                """, StandardCharsets.UTF_8);
        Files.writeString(logs.resolve("irc.examplenet.dave_uk.weechatlog"), """
                2013-10-01 11:00:00\tdave_uk\thow old r u
                2013-10-01 11:00:05\tSweetie10\tim 10
                2013-10-01 11:00:10\tdave_uk\ti give you 20 dollars for a sexy show on cam
                """, StandardCharsets.UTF_8);
        String db = folder.resolve("store.db").toString();
        String key = folder.resolve("evidence.key").toString();
        assertThat(CliTest.sweetie("import", "--persona", "Sweetie10", "--db", db, "--key", key, logs.toString())
                .exitCode()).isZero();
        Path before = folder.resolve("before.zip");
        assertThat(CliTest.sweetie("export", "--partner", "dave_uk", "--out", before.toString(), "--db", db, "--key",
                key).exitCode()).isZero();

        CliTest.Run dry = CliTest.sweetie("purge", "--older-than", "0s", "--dry-run", "--db", db, "--key", key);
        assertThat(dry.out()).startsWith("would delete 1 conversation(s)");
        CliTest.Run purge = CliTest.sweetie("purge", "--older-than", "PT0S", "--db", db, "--key", key);
        assertThat(purge.exitCode()).isZero();
        assertThat(purge.out()).startsWith("deleted 1 conversations, 2 messages");

        assertThat(CliTest.sweetie("conversations", "--db", db, "--key", key).out()).contains("dave_uk")
                .doesNotContain("amy_smalltalk");
        Path after = folder.resolve("after.zip");
        assertThat(CliTest.sweetie("export", "--partner", "dave_uk", "--out", after.toString(), "--db", db, "--key",
                key).exitCode()).isZero();
        assertThat(CliTest.sweetie("verify", before.toString()).exitCode()).isZero();
        CliTest.Run verified = CliTest.sweetie("verify", after.toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(CliTest.sweetie("purge", "--older-than", "PT0S", "--db", db, "--key", key).out())
                .startsWith("nothing to delete");
        byte[] file = Files.readAllBytes(Path.of(db));
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain("unique-purge-marker");
    }

    /** A purged conversation's id stays in the evidence log: the next conversation must not take it. */
    @Test
    void aConversationAfterAPurgeNeverTakesAPurgedConversationsId() throws Exception {
        Path first = Files.createDirectories(folder.resolve("first"));
        Files.writeString(first.resolve("irc.libera.amy.weechatlog"), "2013-10-01 10:00:00\tamy\thi, nice weather\n"
                + "2013-10-01 10:00:05\tSweetie10\thi\n", StandardCharsets.UTF_8);
        Path later = Files.createDirectories(folder.resolve("later"));
        Files.writeString(later.resolve("irc.libera.bob.weechatlog"), "2013-10-02 10:00:00\tbob\thello there\n"
                + "2013-10-02 10:00:05\tSweetie10\thi\n", StandardCharsets.UTF_8);
        String db = folder.resolve("reuse.db").toString();
        String key = folder.resolve("evidence.key").toString();
        assertThat(CliTest.sweetie("import", "--persona", "Sweetie10", "--db", db, "--key", key, first.toString())
                .exitCode()).isZero();
        assertThat(CliTest.sweetie("purge", "--older-than", "0s", "--db", db, "--key", key).out())
                .startsWith("deleted 1 conversations");
        assertThat(CliTest.sweetie("import", "--persona", "Sweetie10", "--db", db, "--key", key, later.toString())
                .exitCode()).isZero();

        assertThat(CliTest.sweetie("conversations", "--db", db, "--key", key).out()).startsWith("#2 libera: bob");
        Path bundle = folder.resolve("bob.zip");
        CliTest.Run export = CliTest.sweetie("export", "--conversation", "2", "--out", bundle.toString(), "--db", db,
                "--key", key);
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(CliTest.sweetie("verify", bundle.toString()).exitCode()).isZero();
    }
}
