package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweetie keys rotate: a new passphrase re-wraps the key file; --signing hands the log over to a new signing key. */
class KeysRotateTest {
    @TempDir
    Path folder;

    private String db() {
        return folder.resolve("data").resolve("sweetie.db").toString();
    }

    private String key() {
        return folder.resolve("data").resolve("keys").toString();
    }

    private void importLog(String partner, String text) throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs-" + partner));
        Files.writeString(logs.resolve("irc.libera." + partner + ".weechatlog"), "2013-10-01 12:00:01\t" + partner
                + "\thow old are you?\n2013-10-01 12:00:02\tSweetie10\t10\n2013-10-01 12:00:03\t" + partner + "\t"
                + text + "\n", StandardCharsets.UTF_8);
        CliTest.Run run = CliTest.sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10",
                logs.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aNewPassphraseOpensTheKeyFileAndTheOldOneNoLonger() throws Exception {
        importLog("alice", "add me on skype alice.example");
        Path old = Files.writeString(folder.resolve("old"), System.getenv("SWEETIE_PASSPHRASE"));
        Path next = Files.writeString(folder.resolve("next"), "a new passphrase\n");
        byte[] before = Files.readAllBytes(Path.of(key()));

        CliTest.Run rotated = CliTest.sweetie("keys", "rotate", "--db", db(), "--key", key(), "--passphrase-file",
                old.toString(), "--new-passphrase-file", next.toString());
        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        assertThat(Files.readAllBytes(Path.of(key()))).isNotEqualTo(before);

        CliTest.Run withOld = CliTest.sweetie("transcript", "--db", db(), "--key", key(), "--passphrase-file",
                old.toString(), "1");
        assertThat(withOld.exitCode()).isEqualTo(1);
        assertThat(withOld.err()).contains("the passphrase does not open the key file");
        CliTest.Run withNew = CliTest.sweetie("transcript", "--db", db(), "--key", key(), "--passphrase-file",
                next.toString(), "1");
        assertThat(withNew.exitCode()).as(withNew.err()).isZero();
        assertThat(withNew.out()).contains("add me on skype alice.example");

        CliTest.Run wrong = CliTest.sweetie("keys", "rotate", "--db", db(), "--key", key(), "--passphrase-file",
                old.toString(), "--new-passphrase-file", next.toString());
        assertThat(wrong.exitCode()).as("the current passphrase is needed to rotate").isEqualTo(1);
    }

    @Test
    void aNewSigningKeyTakesOverWithAHandOverAndBundlesExportedBeforeKeepVerifying() throws Exception {
        importLog("alice", "add me on skype alice.example");
        String oldKey = CliTest.sweetie("evidence", "key", "--db", db(), "--key", key()).out().strip();
        Path before = folder.resolve("before.zip");
        assertThat(CliTest.sweetie("export", "--db", db(), "--key", key(), "--partner", "libera:alice", "--out",
                before.toString()).exitCode()).isZero();
        Path same = Files.writeString(folder.resolve("same"), System.getenv("SWEETIE_PASSPHRASE"));

        CliTest.Run rotated = CliTest.sweetie("keys", "rotate", "--signing", "--db", db(), "--key", key(),
                "--new-passphrase-file", same.toString());
        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        String newKey = CliTest.sweetie("evidence", "key", "--db", db(), "--key", key()).out().strip();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(rotated.out()).contains("Old verifier key (bundles exported before): " + oldKey)
                .contains("New verifier key (give it to recipients): " + newKey);

        importLog("bob", "my skype is bob.example");
        Path after = folder.resolve("after.zip");
        assertThat(CliTest.sweetie("export", "--db", db(), "--key", key(), "--partner", "libera:bob", "--out",
                after.toString()).exitCode()).isZero();

        CliTest.Run oldBundle = CliTest.sweetie("verify", "--key", oldKey, before.toString());
        assertThat(oldBundle.exitCode()).as(oldBundle.err()).isZero();
        CliTest.Run newBundle = CliTest.sweetie("verify", "--key", newKey, after.toString());
        assertThat(newBundle.exitCode()).as(newBundle.err()).isZero();
        CliTest.Run newUnderOld = CliTest.sweetie("verify", "--key", oldKey, after.toString());
        assertThat(newUnderOld.exitCode()).as("the old key no longer signs").isEqualTo(1);
        // the hand-over is in the log, and the log is still consistent with its latest checkpoint
        Path backup = folder.resolve("after.backup");
        assertThat(CliTest.sweetie("backup", "--db", db(), "--key", key(), "--out", backup.toString()).exitCode())
                .isZero();
        CliTest.Run restored = CliTest.sweetie("restore", backup.toString(), "--db",
                folder.resolve("r").resolve("s.db").toString(), "--key", folder.resolve("r").resolve("k").toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains(newKey)
                .as("the key history checked from the first key").contains("handed over from " + name(oldKey));
    }

    @Test
    void aRestoredLogWhoseKeyHistoryIsNotTheKeyFilesIsRefused() throws Exception {
        importLog("alice", "add me on skype alice.example");
        Path same = Files.writeString(folder.resolve("same"), System.getenv("SWEETIE_PASSPHRASE"));
        assertThat(CliTest.sweetie("keys", "rotate", "--signing", "--db", db(), "--key", key(),
                "--new-passphrase-file", same.toString()).exitCode()).isZero();
        // a key file that says the log began under another key than the one that handed over
        char[] passphrase = System.getenv("SWEETIE_PASSPHRASE").strip().toCharArray();
        KeyRing.Keys keys = KeyRing.open(Path.of(key()), passphrase);
        String stranger = org.sweetie.evidence.KeyFile.parse(org.sweetie.evidence.KeyFile.newKeyText().lines()
                .toList(), "a stranger's key").verifierKey().toString();
        KeyRing.write(Path.of(key()), new KeyRing.Keys(keys.store(), keys.signingKey(), List.of(stranger)),
                passphrase, true);
        Path backup = folder.resolve("changed.backup");
        assertThat(CliTest.sweetie("backup", "--db", db(), "--key", key(), "--out", backup.toString()).exitCode())
                .isZero();

        CliTest.Run restored = CliTest.sweetie("restore", backup.toString(), "--db",
                folder.resolve("r").resolve("s.db").toString(), "--key", folder.resolve("r").resolve("k").toString());

        assertThat(restored.exitCode()).isEqualTo(1);
        assertThat(restored.err()).contains("FAILED: the restored evidence log: the hand-over at entry")
                .contains("but the key in effect there is " + name(stranger));
    }

    private static String name(String verifierKey) {
        return verifierKey.substring(0, verifierKey.indexOf('+'));
    }
}
