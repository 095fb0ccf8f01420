package org.sweetie.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sweetie.core.ConversationStore;

/**
 * The suspects as {@link Suspects} reads them, kept up to date for a long-running reader (the console): the first
 * read goes through every conversation; after a change only the conversations the change touched are read again
 * ({@link ConversationStore#changedSince}), and the linking is brought up to date in memory
 * ({@link SuspectLedger}). After a deletion the conversations' ids are listed to forget the deleted ones. The
 * suspects are always those {@link Suspects#read} would read now. Safe for concurrent readers.
 */
public final class SuspectBook {
    private final ConversationStore store;
    private final SuspectLedger ledger = new SuspectLedger();
    private Snapshot snapshot;

    private record Snapshot(long changes, List<Profile> profiles, List<Profile> byPriority) {
    }

    public SuspectBook(ConversationStore store) {
        this.store = store;
    }

    /** As {@link Suspects#read}. */
    public List<Profile> read() {
        return current().profiles();
    }

    /** As {@link Suspects#byPriority}. */
    public List<Profile> byPriority() {
        return current().byPriority();
    }

    /** The store's change count the suspects are of. */
    public long changes() {
        return current().changes();
    }

    private synchronized Snapshot current() {
        if (snapshot == null) {
            // the count is read first: a change while reading is read again next time, whatever it touched
            long changes = store.changes();
            store.conversations().forEach(c -> ledger.put(ConversationFacts.read(store, c)));
            ledger.decisions(store.linkDecisions());
            snapshot = new Snapshot(changes, ledger.profiles(), ledger.byPriority());
            return snapshot;
        }
        long since = snapshot.changes();
        ConversationStore.Changed changed = store.changedSince(since);
        if (changed.changes() == since) {
            return snapshot;
        }
        if (changed.deleted()) {
            Set<Long> left = new HashSet<>();
            store.conversations().forEach(c -> left.add(c.id()));
            for (long id : List.copyOf(ledger.conversations())) {
                if (!left.contains(id)) {
                    ledger.remove(id);
                }
            }
        }
        for (long id : changed.conversations()) {
            store.findConversation(id).ifPresent(c -> ledger.put(ConversationFacts.read(store, c)));
        }
        ledger.decisions(store.linkDecisions());
        snapshot = new Snapshot(changed.changes(), ledger.profiles(), ledger.byPriority());
        return snapshot;
    }
}
