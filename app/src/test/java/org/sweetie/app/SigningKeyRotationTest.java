package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.EvidenceStorage;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.evidence.CheckpointPolicy;
import org.sweetie.evidence.EvidenceLog;
import org.sweetie.evidence.KeyHandOvers;
import org.sweetie.evidence.NoteSigner;
import org.sweetie.evidence.SignedNote;
import org.sweetie.evidence.VerifierKey;
import org.sweetie.store.Stores;

/**
 * keys rotate --signing stopped between its steps (a crash), then the key file opened again by a command: the key
 * file and the evidence log agree whatever the step, and no new key is lost.
 */
class SigningKeyRotationTest {
    @TempDir
    Path folder;

    private String db() {
        return folder.resolve("data").resolve("sweetie.db").toString();
    }

    private Path key() {
        return folder.resolve("data").resolve("keys");
    }

    private static char[] passphrase() {
        return System.getenv("SWEETIE_PASSPHRASE").toCharArray();
    }

    private void importLog(String partner, String text) throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs-" + partner));
        Files.writeString(logs.resolve("irc.libera." + partner + ".weechatlog"), "2013-10-01 12:00:01\t" + partner
                + "\thow old are you?\n2013-10-01 12:00:02\tSweetie10\t10\n2013-10-01 12:00:03\t" + partner + "\t"
                + text + "\n", StandardCharsets.UTF_8);
        CliTest.Run run = CliTest.sweetie("import", "--db", db(), "--key", key().toString(), "--persona",
                "Sweetie10", logs.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private String verifierKey() {
        CliTest.Run run = CliTest.sweetie("evidence", "key", "--db", db(), "--key", key().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().strip();
    }

    /** What the process that crashed had done, and the hand-over checkpoint if it got that far. */
    private record Crashed(SigningKeyRotation.Started started, EvidenceStorage.Checkpoint handOver) {
    }

    /** The rotation's steps up to {@code steps}, in the command's order; then the process is gone. */
    private Crashed rotateAndCrashAfter(int steps) throws Exception {
        KeyRing.Keys keys = KeyRing.open(key(), passphrase());
        SigningKeyRotation.Started started = SigningKeyRotation.start(key(), keys, passphrase());
        EvidenceStorage.Checkpoint handOver = null;
        try (ConversationStore store = Stores.openExisting(db(), keys.store())) {
            if (steps >= 2) {
                handOver = started.handOver(store, Clock.systemUTC());
            }
            if (steps >= 3) {
                started.audit(store, Clock.systemUTC());
            }
        }
        return new Crashed(started, handOver);
    }

    /** The next command after the crash: signs a checkpoint, with what the key file then holds. */
    private CliTest.Run checkpoint() {
        CliTest.Run run = CliTest.sweetie("evidence", "checkpoint", "--db", db(), "--key", key().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private void assertExportVerifiesWith(String partner, String verifier, String otherVerifier) {
        Path bundle = folder.resolve(partner + ".zip");
        CliTest.Run export = CliTest.sweetie("export", "--db", db(), "--key", key().toString(), "--partner",
                "libera:" + partner, "--out", bundle.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        CliTest.Run verified = CliTest.sweetie("verify", "--key", verifier, bundle.toString());
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        CliTest.Run underOther = CliTest.sweetie("verify", "--key", otherVerifier, bundle.toString());
        assertThat(underOther.exitCode()).as("not signed by " + otherVerifier).isEqualTo(1);
    }

    /** The store's log, read with the signer the key file holds now. */
    private <T> T withLog(java.util.function.BiFunction<EvidenceLog, KeyRing.Keys, T> read) throws Exception {
        KeyRing.Keys keys = KeyRing.open(key(), passphrase());
        NoteSigner signer = keys.signer(key());
        try (ConversationStore store = Stores.openExisting(db(), keys.store())) {
            return read.apply(new EvidenceLog(store, signer, CheckpointPolicy.DEFAULT, null, Clock.systemUTC()),
                    keys);
        }
    }

    private long logSize() throws Exception {
        return withLog((log, keys) -> log.size());
    }

    private static List<AuditEvent> rotations(EvidenceLog log) {
        return new AuditTrail(log).read(null, null).stream()
                .filter(e -> e.action().equals(SigningKeyRotation.AUDIT_ACTION)).toList();
    }

    @Test
    void aCrashBeforeTheHandOverDropsThePendingKeyAndTheOldOneKeepsSigning() throws Exception {
        importLog("alice", "add me on skype alice.example");
        String oldKey = verifierKey();
        KeyRing.Keys before = KeyRing.open(key(), passphrase());

        SigningKeyRotation.Started started = rotateAndCrashAfter(1).started();
        KeyRing.Keys crashed = KeyRing.open(key(), passphrase());
        assertThat(crashed.pendingKey()).as("the new key is saved before the log names it").isNotNull()
                .isEqualTo(started.keys().pendingKey());
        assertThat(Files.readAllLines(key()).getFirst()).isEqualTo(KeyRing.HEADER_PENDING);
        long size = logSize();

        CliTest.Run next = checkpoint();
        assertThat(next.err()).contains("never reached the log").contains(started.next().verifierKey().name()
                + " is dropped").contains(started.old().verifierKey().name() + " keeps signing");
        assertThat(next.err().lines()).as("one line").hasSize(1);
        assertThat(VerifierKey.parse(oldKey).verifies(SignedNote.parse(next.out()))).isTrue();

        KeyRing.Keys reopened = KeyRing.open(key(), passphrase());
        assertThat(reopened.hasPending()).isFalse();
        assertThat(reopened.signingKey()).isEqualTo(before.signingKey());
        assertThat(reopened.retired()).isEqualTo(before.retired());
        assertThat(Files.readAllLines(key()).getFirst()).as("readable by an earlier Sweetie again")
                .isEqualTo(KeyRing.HEADER);
        assertThat(verifierKey()).isEqualTo(oldKey);
        assertThat(logSize()).as("nothing was added to the log").isEqualTo(size);
        withLog((log, keys) -> {
            assertThat(new KeyHandOvers(log).read()).isEmpty();
            assertThat(new KeyHandOvers(log).checkLatest(VerifierKey.parse(oldKey))).isEmpty();
            assertThat(log.checkLatestCheckpoint()).isEmpty();
            assertThat(rotations(log)).isEmpty();
            return null;
        });
        assertExportVerifiesWith("alice", oldKey, started.next().verifierKey().toString());
    }

    @Test
    void aCrashAfterTheHandOverPromotesThePendingKeyOnTheNextOpen() throws Exception {
        importLog("alice", "add me on skype alice.example");
        String oldKey = verifierKey();
        KeyRing.Keys before = KeyRing.open(key(), passphrase());

        Crashed crashed = rotateAndCrashAfter(2);
        SigningKeyRotation.Started started = crashed.started();
        EvidenceStorage.Checkpoint handOver = crashed.handOver();
        withLog((log, keys) -> {
            assertThat(keys.hasPending()).isTrue();
            assertThat(log.size()).as("the log ends with the hand-over checkpoint").isEqualTo(handOver.size());
            assertThat(new KeyHandOvers(log).checkLatest(VerifierKey.parse(oldKey))).isEmpty();
            return null;
        });
        String newKey = started.next().verifierKey().toString();

        importLog("bob", "my skype is bob.example"); // a command that signs: finishes the rotation first
        KeyRing.Keys reopened = KeyRing.open(key(), passphrase());
        assertThat(reopened.hasPending()).isFalse();
        assertThat(reopened.signingKey()).isEqualTo(started.keys().pendingKey());
        assertThat(reopened.retired()).containsExactly(oldKey);
        assertThat(reopened.store().keyId()).isEqualTo(before.store().keyId());
        assertThat(verifierKey()).isEqualTo(newKey);

        CliTest.Run next = checkpoint();
        assertThat(next.err()).as("resolved once, by the import").isEmpty();
        assertThat(VerifierKey.parse(newKey).verifies(SignedNote.parse(next.out()))).isTrue();
        withLog((log, keys) -> {
            assertThat(new KeyHandOvers(log).read()).singleElement().satisfies(h -> {
                assertThat(h.between(VerifierKey.parse(oldKey), VerifierKey.parse(newKey))).isTrue();
                assertThat(h.index()).isEqualTo(handOver.size() - 1);
            });
            // the whole key history: the hand-over checkpoint is the old key's, the latest the new key's
            assertThat(log.check(handOver, VerifierKey.parse(oldKey))).isEmpty();
            assertThat(log.check(handOver, VerifierKey.parse(newKey))).isPresent();
            assertThat(new KeyHandOvers(log).checkLatest(VerifierKey.parse(oldKey))).isEmpty();
            assertThat(log.checkLatestCheckpoint()).isEmpty();
            assertThat(rotations(log)).as("the audit entry the crash missed").singleElement()
                    .satisfies(e -> assertThat(e.detail()).isEqualTo("from " + VerifierKey.parse(oldKey).name()
                            + " to " + VerifierKey.parse(newKey).name()));
            return null;
        });
        assertExportVerifiesWith("bob", newKey, oldKey);
    }

    @Test
    void theNextOpenSaysItFinishedTheRotation() throws Exception {
        importLog("alice", "add me on skype alice.example");
        SigningKeyRotation.Started started = rotateAndCrashAfter(2).started();

        CliTest.Run next = checkpoint();
        assertThat(next.err().lines()).singleElement().asString().contains("rotation finished")
                .contains("hands over to " + started.next().verifierKey().name());
        assertThat(started.next().verifierKey().verifies(SignedNote.parse(next.out()))).isTrue();
    }

    @Test
    void aCrashAfterTheNewKeysFirstCheckpointPromotesItWithoutASecondAuditEntry() throws Exception {
        importLog("alice", "add me on skype alice.example");
        String oldKey = verifierKey();
        SigningKeyRotation.Started started = rotateAndCrashAfter(3).started();
        String newKey = started.next().verifierKey().toString();
        long size = logSize();

        CliTest.Run next = checkpoint();
        assertThat(next.err()).contains("rotation finished");
        assertThat(VerifierKey.parse(newKey).verifies(SignedNote.parse(next.out()))).isTrue();
        assertThat(verifierKey()).isEqualTo(newKey);
        withLog((log, keys) -> {
            assertThat(log.size()).as("nothing added: the audit entry was there").isEqualTo(size);
            assertThat(rotations(log)).hasSize(1);
            assertThat(new KeyHandOvers(log).checkLatest(VerifierKey.parse(oldKey))).isEmpty();
            assertThat(log.checkLatestCheckpoint()).isEmpty();
            return null;
        });
        assertExportVerifiesWith("alice", newKey, oldKey);
    }

    @Test
    void theWholeRotationGivesWhatItGaveBefore() throws Exception {
        importLog("alice", "add me on skype alice.example");
        String oldKey = verifierKey();
        Path same = Files.writeString(folder.resolve("same"), System.getenv("SWEETIE_PASSPHRASE"));

        CliTest.Run rotated = CliTest.sweetie("keys", "rotate", "--signing", "--db", db(), "--key",
                key().toString(), "--new-passphrase-file", same.toString());
        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        assertThat(rotated.err()).isEmpty();
        String newKey = verifierKey();
        assertThat(rotated.out()).contains("Replaced the evidence signing key; the hand-over is entry ")
                .contains("Old verifier key (bundles exported before): " + oldKey)
                .contains("New verifier key (give it to recipients): " + newKey)
                .contains("The key file is wrapped with the new passphrase.");
        assertThat(Files.readAllLines(key()).getFirst()).isEqualTo(KeyRing.HEADER);
        KeyRing.Keys keys = KeyRing.open(key(), passphrase());
        assertThat(keys.hasPending()).isFalse();
        assertThat(keys.retired()).containsExactly(oldKey);
        withLog((log, k) -> {
            var handOver = new KeyHandOvers(log).read();
            assertThat(handOver).singleElement().satisfies(h -> assertThat(h.between(VerifierKey.parse(oldKey),
                    VerifierKey.parse(newKey))).isTrue());
            assertThat(rotations(log)).hasSize(1);
            assertThat(log.size()).as("the hand-over, then the audit entry").isEqualTo(handOver.getFirst().index() + 2);
            assertThat(new KeyHandOvers(log).checkLatest(VerifierKey.parse(oldKey))).isEmpty();
            assertThat(log.checkLatestCheckpoint()).as("the audit entry's checkpoint is the new key's").isEmpty();
            return null;
        });
        assertExportVerifiesWith("alice", newKey, oldKey);
    }

    @Test
    void aWrongPassphraseStopsTheRotationBeforeAnythingIsWritten() throws Exception {
        importLog("alice", "add me on skype alice.example");
        Path wrong = Files.writeString(folder.resolve("wrong"), "not the passphrase\n");
        Path next = Files.writeString(folder.resolve("next"), "a new passphrase\n");
        byte[] keyFile = Files.readAllBytes(key());
        long size = logSize();

        CliTest.Run rotated = CliTest.sweetie("keys", "rotate", "--signing", "--db", db(), "--key",
                key().toString(), "--passphrase-file", wrong.toString(), "--new-passphrase-file", next.toString());
        assertThat(rotated.exitCode()).isEqualTo(1);
        assertThat(rotated.err()).contains("the passphrase does not open the key file");
        assertThat(Files.readAllBytes(key())).isEqualTo(keyFile);
        assertThat(logSize()).isEqualTo(size);
        try (var files = Files.list(key().getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aWrongPassphraseLeavesAnInterruptedRotationAsItIs() throws Exception {
        importLog("alice", "add me on skype alice.example");
        rotateAndCrashAfter(2);
        Path wrong = Files.writeString(folder.resolve("wrong"), "not the passphrase\n");
        byte[] keyFile = Files.readAllBytes(key());
        long size = logSize();

        CliTest.Run opened = CliTest.sweetie("evidence", "checkpoint", "--db", db(), "--key", key().toString(),
                "--passphrase-file", wrong.toString());
        assertThat(opened.exitCode()).isEqualTo(1);
        assertThat(opened.err()).contains("the passphrase does not open the key file");
        assertThat(Files.readAllBytes(key())).isEqualTo(keyFile);
        assertThat(logSize()).isEqualTo(size);
    }
}
