package org.sweetie.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.EvidenceStorage;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.evidence.CheckpointPolicy;
import org.sweetie.evidence.Entries;
import org.sweetie.evidence.EvidenceLog;
import org.sweetie.evidence.KeyFile;
import org.sweetie.evidence.KeyHandOvers;
import org.sweetie.evidence.NoteSigner;

/**
 * The replacement of the evidence signing key ({@code sweetie keys rotate --signing}; docs/security.md, "Rotation"),
 * in steps after each of which a crash leaves the key file and the evidence log agreeing:
 * <ol>
 * <li>{@link #start}: the key file keeps the new key beside the current one, as pending;</li>
 * <li>{@link Started#handOver}: the log records the {@code key_handover} entry and a checkpoint over it signed by the
 * old key, in one transaction;</li>
 * <li>{@link Started#audit}: the new key signs a checkpoint over the rotation's {@code audit} entry;</li>
 * <li>{@link Started#finish}: the key file holds the new key, the old one's verifier key as retired, no pending
 * key.</li>
 * </ol>
 * Whoever opens the key file to sign first {@link #resolve}s a pending key against the log: a hand-over to it from
 * the current key means steps 2 (and maybe 3) happened, and the rotation is finished; none means it never reached the
 * log, and the pending key is dropped. So the log never names a key that the key file lost, nor the key file signs
 * with a key the log handed over from.
 */
final class SigningKeyRotation {
    static final String AUDIT_ACTION = "keys-rotate";

    private SigningKeyRotation() {
    }

    /** A rotation whose new key is in the key file as pending. */
    record Started(KeyRing.Keys keys, NoteSigner old, NoteSigner next) {
        /** Step 2: the hand-over entry and the old key's checkpoint over it, both or neither. */
        EvidenceStorage.Checkpoint handOver(ConversationStore store, Clock clock) {
            EvidenceLog log = new EvidenceLog(store, old, CheckpointPolicy.DEFAULT, null, clock);
            return log.recordAndSign(Entries.keyHandOver(clock.instant(), old.verifierKey(), next.verifierKey(),
                    next.sign(Entries.handOverStatement(old.verifierKey(), next.verifierKey()))));
        }

        /**
         * Step 3: the rotation's audit entry in a checkpoint signed by the new key, unless the log has it (a finish
         * after a crash). Before the key file changes, so that no crash leaves the rotation without it.
         */
        void audit(ConversationStore store, Clock clock) {
            EvidenceLog log = new EvidenceLog(store, next, CheckpointPolicy.DEFAULT, null, clock);
            String detail = "from " + old.verifierKey().name() + " to " + next.verifierKey().name();
            boolean recorded = new AuditTrail(log).read(null, null).stream()
                    .anyMatch(e -> e.action().equals(AUDIT_ACTION) && e.detail().equals(detail));
            if (!recorded) {
                log.recordAndSign(Entries.audit(new AuditEvent(clock.instant(), System.getProperty("user.name", "?"),
                        AUDIT_ACTION, "signing key", "", detail)));
            }
        }

        /** Step 4: the key file with the new key as the signing key; returns what it holds. */
        KeyRing.Keys finish(Path file, char[] passphrase) throws IOException {
            KeyRing.Keys promoted = keys.promoted(file);
            KeyRing.write(file, promoted, passphrase, true);
            return promoted;
        }

        /** Whether the log holds this rotation's hand-over. */
        boolean handedOver(ConversationStore store, Clock clock) {
            EvidenceLog log = new EvidenceLog(store, old, CheckpointPolicy.DEFAULT, null, clock);
            return new KeyHandOvers(log).read().stream()
                    .anyMatch(h -> h.between(old.verifierKey(), next.verifierKey()));
        }
    }

    /**
     * Step 1: a new signing key, written into the key file as pending (wrapped with {@code passphrase}). A pending
     * key from an earlier rotation must have been resolved first.
     */
    static Started start(Path file, KeyRing.Keys keys, char[] passphrase) throws IOException {
        if (keys.hasPending()) {
            throw new IllegalStateException(file + " still holds a pending signing key: resolve it first");
        }
        String nextKeyText = KeyFile.newKeyText();
        KeyRing.Keys pending = keys.withPending(nextKeyText);
        KeyRing.write(file, pending, passphrase, true);
        return new Started(pending, keys.signer(file), pending.pendingSigner(file));
    }

    /** What {@link #resolve} did: the keys to sign with, and one line saying what happened (null: nothing pending). */
    record Resolved(KeyRing.Keys keys, String notice) {
    }

    /**
     * A pending signing key, resolved against the store's log before anything signs: promoted (the rotation is
     * finished: audit entry if missing, key file rewritten) when the log hands over to it from the current key,
     * else dropped (the key file rewritten without it). The key file keeps {@code passphrase}.
     */
    static Resolved resolve(Path file, KeyRing.Keys keys, char[] passphrase, ConversationStore store, Clock clock)
            throws IOException {
        if (!keys.hasPending()) {
            return new Resolved(keys, null);
        }
        Started started = new Started(keys, keys.signer(file), keys.pendingSigner(file));
        if (started.handedOver(store, clock)) {
            started.audit(store, clock);
            KeyRing.Keys promoted = started.finish(file, passphrase);
            return new Resolved(promoted, "an interrupted signing key rotation finished: the log hands over to "
                    + started.next().verifierKey().name() + ", which signs from now on (" + file + ")");
        }
        KeyRing.Keys dropped = keys.withoutPending();
        KeyRing.write(file, dropped, passphrase, true);
        return new Resolved(dropped, "an interrupted signing key rotation never reached the log: its new key "
                + started.next().verifierKey().name() + " is dropped, " + started.old().verifierKey().name()
                + " keeps signing (" + file + ")");
    }
}
