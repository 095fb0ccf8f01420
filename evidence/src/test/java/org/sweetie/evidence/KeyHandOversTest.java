package org.sweetie.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which key signs which checkpoint across a hand-over, as the log itself says. */
class KeyHandOversTest extends EvidenceFixture {

    private Entry handOver(NoteSigner old, NoteSigner next, NoteSigner signing) {
        return Entries.keyHandOver(CLOCK.instant(), old.verifierKey(), next.verifierKey(),
                signing.sign(Entries.handOverStatement(old.verifierKey(), next.verifierKey())));
    }

    private static NoteSigner newSigner() throws Exception {
        return KeyFile.parse(KeyFile.newKeyText().lines().toList(), "a new key");
    }

    @Test
    void theHandOverCheckpointIsTheOldKeysAndEveryLaterOneTheNewKeys() throws Exception {
        someConversation("alice", 3);
        log.checkpoint();
        NoteSigner next = newSigner();

        var handOverCheckpoint = log.recordAndSign(handOver(signer, next, next));
        assertThat(handOverCheckpoint.size()).as("the entry and its checkpoint in one transaction")
                .isEqualTo(log.size());
        KeyHandOvers handOvers = new KeyHandOvers(log);
        assertThat(handOvers.read()).singleElement().satisfies(h -> {
            assertThat(h.index()).isEqualTo(handOverCheckpoint.size() - 1);
            assertThat(h.between(signer.verifierKey(), next.verifierKey())).isTrue();
            assertThat(h.between(next.verifierKey(), signer.verifierKey())).isFalse();
        });
        assertThat(handOvers.checkLatest(signer.verifierKey())).as("ends with the hand-over checkpoint").isEmpty();
        assertThat(log.check(handOverCheckpoint, signer.verifierKey())).isEmpty();
        assertThat(log.check(handOverCheckpoint, next.verifierKey())).get().asString()
                .contains("is not signed by this deployment's key " + next.verifierKey().name());

        EvidenceLog after = new EvidenceLog(raw, next, CheckpointPolicy.DEFAULT, null, CLOCK);
        after.record(Entries.audit(new AuditEvent(CLOCK.instant(), "ann", "keys-rotate", "signing key", "", "")),
                null);
        after.checkpoint();
        assertThat(new KeyHandOvers(after).checkLatest(signer.verifierKey())).isEmpty();
        assertThat(new KeyHandOvers(after).checkLatest(next.verifierKey())).get().asString()
                .contains("starts from " + signer.verifierKey().name());
        assertThat(log.check(handOverCheckpoint, signer.verifierKey()))
                .as("the hand-over checkpoint still holds for the grown log").isEmpty();
    }

    @Test
    void theOldKeySigningAfterItsHandOverIsFound() throws Exception {
        someConversation("alice", 3);
        NoteSigner next = newSigner();
        log.recordAndSign(handOver(signer, next, next));
        // the key file kept the old key after the hand-over (the crash the rotation's pending key prevents)
        log.record(Entries.audit(new AuditEvent(CLOCK.instant(), "ann", "login", "", "192.0.2.10", "")), null);
        log.checkpoint();

        assertThat(new KeyHandOvers(log).checkLatest(signer.verifierKey())).get().asString()
                .contains("is not signed by this deployment's key " + next.verifierKey().name());
        assertThat(log.checkLatestCheckpoint()).as("the check of a single key does not see it").isEmpty();
    }

    @Test
    void aHandOverTheNewKeyDidNotSignIsRefused() throws Exception {
        NoteSigner next = newSigner();
        log.recordAndSign(handOver(signer, next, signer));

        assertThatThrownBy(() -> new KeyHandOvers(log).read()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("evidence entry 0: the hand-over to " + next.verifierKey().name()
                        + " is not signed by that key");
    }

    @Test
    void aLogWithoutHandOversIsCheckedUnderItsOneKey() throws Exception {
        assertThat(new KeyHandOvers(log).checkLatest(signer.verifierKey())).isEmpty();
        someConversation("alice", 2);
        log.checkpoint();
        assertThat(new KeyHandOvers(log).read()).isEmpty();
        assertThat(new KeyHandOvers(log).checkLatest(signer.verifierKey())).isEmpty();
        assertThat(new KeyHandOvers(log).checkLatest(newSigner().verifierKey())).isPresent();
    }
}
