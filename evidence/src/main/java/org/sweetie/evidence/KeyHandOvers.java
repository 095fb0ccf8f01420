package org.sweetie.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sweetie.core.EvidenceStorage;

/**
 * The signing key hand-overs of a log ({@code key_handover} entries, docs/evidence.md): which key signed which
 * checkpoint. A hand-over at entry h is signed in by the old key in the checkpoint of size h + 1 (the hand-over
 * checkpoint); every checkpoint of a larger size is signed by the new key.
 */
public final class KeyHandOvers {
    private final EvidenceLog log;

    public KeyHandOvers(EvidenceLog log) {
        this.log = log;
    }

    /** One hand-over: its leaf index, the old and the new verifier key. */
    public record HandOver(long index, VerifierKey old, VerifierKey next) {
        /** Whether it hands over from {@code from} to {@code to} (keys compared in their written form). */
        public boolean between(VerifierKey from, VerifierKey to) {
            return old.toString().equals(from.toString()) && next.toString().equals(to.toString());
        }
    }

    /**
     * The hand-overs, oldest first. Reads every entry of the log (the store indexes only the audit's kind): for a
     * rotation's rare decisions and for checks, not for every command.
     *
     * @throws IllegalStateException when a hand-over entry does not hold: unreadable, or its new key did not sign
     *         the statement naming both keys (the log was tampered with)
     */
    public List<HandOver> read() {
        List<HandOver> found = new ArrayList<>();
        for (EvidenceStorage.Record record : log.storage().entriesOfKind(Entries.KEY_HANDOVER)) {
            found.add(decode(record));
        }
        return found;
    }

    /**
     * Whether the log's key history holds from {@code first} (the key a recipient was given) on: each hand-over
     * starts from the key in effect, its new key signed it, and the latest checkpoint is signed by the key in effect
     * at its size and still matches the stored log. Empty when so, else what is wrong.
     */
    public Optional<String> checkLatest(VerifierKey first) {
        Optional<EvidenceStorage.Checkpoint> latest = log.storage().latestCheckpoint();
        if (latest.isEmpty()) {
            return log.size() == 0 ? Optional.empty() : Optional.of("the log has entries but no checkpoint");
        }
        VerifierKey signing = first;
        for (HandOver h : read()) {
            if (!h.old().toString().equals(signing.toString())) {
                return Optional.of("the hand-over at entry " + h.index() + " starts from " + h.old().name()
                        + ", but the key in effect there is " + signing.name());
            }
            if (h.index() + 1 >= latest.get().size()) {
                break; // the checkpoint signing this hand-over in is the old key's
            }
            signing = h.next();
        }
        return log.check(latest.get(), signing);
    }

    private static HandOver decode(EvidenceStorage.Record record) {
        Entry entry;
        VerifierKey old;
        VerifierKey next;
        SignedNote signature;
        try {
            entry = EntryEncoding.decode(record.body());
            old = VerifierKey.parse(entry.get("old_key"));
            next = VerifierKey.parse(entry.get("new_key"));
            signature = SignedNote.parse(entry.get("new_key_signature"));
        } catch (EntryEncoding.MalformedEntryException | RuntimeException e) {
            throw new IllegalStateException("evidence entry " + record.index() + " is not a key hand-over: "
                    + e.getMessage(), e);
        }
        if (!signature.text().equals(Entries.handOverStatement(old, next)) || !next.verifies(signature)) {
            throw new IllegalStateException("evidence entry " + record.index() + ": the hand-over to " + next.name()
                    + " is not signed by that key");
        }
        return new HandOver(record.index(), old, next);
    }
}
