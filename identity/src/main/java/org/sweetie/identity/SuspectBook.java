package org.sweetie.identity;

import java.util.List;
import org.sweetie.core.ConversationStore;

/**
 * The suspects as {@link Suspects} reads them, kept until the store changes: reading them goes through every
 * conversation, which a long-running reader (the console) should pay once per change, not once per page. Safe for
 * concurrent readers.
 */
public final class SuspectBook {
    private final ConversationStore store;
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

    private synchronized Snapshot current() {
        // the count is read first: a change while reading leaves the snapshot older than its count, so it is read again
        long changes = store.changes();
        if (snapshot == null || snapshot.changes() != changes) {
            List<Profile> profiles = List.copyOf(Suspects.read(store));
            snapshot = new Snapshot(changes, profiles, Suspects.byPriority(profiles));
        }
        return snapshot;
    }
}
