package org.sweetie.app;

import org.sweetie.core.ConversationStore;
import org.sweetie.evidence.EvidenceLog;

/**
 * An open store with its evidence log. Commands store through {@link #store()}, which appends every message and
 * event to the evidence log as well: there is no other way in.
 */
final class Workspace implements AutoCloseable {
    private final ConversationStore raw;
    private final EvidenceLog evidence;
    private final ConversationStore store;

    Workspace(ConversationStore raw, EvidenceLog evidence) {
        this.raw = raw;
        this.evidence = evidence;
        this.store = evidence.recording();
    }

    ConversationStore store() {
        return store;
    }

    /** The store without the evidence log: for measuring the rest alone (sweetie bench), never for capture. */
    ConversationStore storeWithoutEvidence() {
        return raw;
    }

    EvidenceLog evidence() {
        return evidence;
    }

    @Override
    public void close() {
        raw.close();
    }
}
