package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.capture.live.Deadline;

/** A backup taken while a run captures, restored elsewhere: the same conversations, the same key, a sound log. */
class BackupTest {
    @TempDir
    Path folder;

    @Test
    void aBackupTakenDuringACaptureRestoresToAStoreWhoseLogAndBundlesVerify() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        Files.writeString(logs.resolve("irc.libera.dave.weechatlog"), "2013-10-01 11:00:00\tdave\thow old r u\n"
                + "2013-10-01 11:00:05\tSweetie10\tim 10\n"
                + "2013-10-01 11:00:10\tdave\tmy skype is unique-backup-marker.example\n", StandardCharsets.UTF_8);
        String db = folder.resolve("data").resolve("sweetie.db").toString();
        String key = folder.resolve("data").resolve("evidence.key").toString();
        assertThat(CliTest.sweetie("import", "--persona", "Sweetie10", "--db", db, "--key", key, logs.toString())
                .exitCode()).isZero();
        Path before = folder.resolve("before.zip");
        assertThat(CliTest.sweetie("export", "--partner", "dave", "--out", before.toString(), "--db", db, "--key",
                key).exitCode()).isZero();
        Path config = Files.writeString(folder.resolve("sweetie.yaml"), """
                personas:
                  - nicknames: [Sweetie10]
                    sandbox:
                      - partners: 0
                        concurrent: 3
                        pace: 50ms
                retention: off
                """);
        // the key file's passphrase: the backup is sealed with it (surefire gives it as $SWEETIE_PASSPHRASE)
        Path passphrase = Files.writeString(folder.resolve("passphrase"), System.getenv("SWEETIE_PASSPHRASE") + "\n");
        Path backup = folder.resolve("sweetie.backup");
        Thread run = Thread.ofVirtual().start(() -> CliTest.sweetie("run", "--config", config.toString(), "--db", db,
                "--key", key, "--for", "8s"));
        var keys = KeyRing.open(Path.of(key), System.getenv("SWEETIE_PASSPHRASE").toCharArray());
        try (var store = org.sweetie.store.Stores.open(db, keys.store())) {
            Deadline.await("the run capturing", Duration.ofSeconds(30), () -> store.counts().conversations() > 2);
        }
        CliTest.Run made = CliTest.sweetie("backup", "--out", backup.toString(), "--passphrase-file",
                passphrase.toString(), "--db", db, "--key", key);
        assertThat(run.isAlive()).as("the backup was taken while the run captured").isTrue();
        run.join(Duration.ofSeconds(60));
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(new String(Files.readAllBytes(backup), StandardCharsets.ISO_8859_1))
                .as("sealed").doesNotContain("unique-backup-marker").doesNotContain("SQLite format");

        Path wrong = Files.writeString(folder.resolve("wrong"), "not the passphrase\n");
        String restoredDb = folder.resolve("restored").resolve("sweetie.db").toString();
        String restoredKey = folder.resolve("restored").resolve("evidence.key").toString();
        CliTest.Run refused = CliTest.sweetie("restore", backup.toString(), "--db", restoredDb, "--key", restoredKey,
                "--passphrase-file", wrong.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("wrong passphrase, or the file was changed");
        assertThat(Path.of(restoredDb)).doesNotExist();
        assertThat(Path.of(restoredKey)).doesNotExist();

        CliTest.Run restored = CliTest.sweetie("restore", backup.toString(), "--db", restoredDb, "--key", restoredKey,
                "--passphrase-file", passphrase.toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("the evidence log holds what its latest checkpoint signed");
        assertThat(CliTest.sweetie("conversations", "--partner", "dave", "--db", restoredDb, "--key", restoredKey)
                .out()).contains("libera: dave");
        Path after = folder.resolve("after.zip");
        assertThat(CliTest.sweetie("export", "--partner", "dave", "--out", after.toString(), "--db", restoredDb,
                "--key", restoredKey).exitCode()).isZero();
        String originalKey = CliTest.sweetie("evidence", "key", "--db", db, "--key", key).out();
        for (Path bundle : new Path[] {before, after}) {
            CliTest.Run verified = CliTest.sweetie("verify", bundle.toString());
            assertThat(verified.exitCode()).as(verified.err()).isZero();
            assertThat(verified.out()).as("signed by the same key").contains(originalKey.strip());
        }
        assertThat(CliTest.sweetie("restore", backup.toString(), "--db", restoredDb, "--key", restoredKey,
                "--passphrase-file", passphrase.toString()).err()).contains("exists: a backup is restored to new "
                + "files only");
    }
}
