package org.sweetie.app;

import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.AnalyzingStore;
import org.sweetie.core.ConversationStore;
import org.sweetie.evidence.EvidenceLog;

/**
 * An open store with its evidence log and the analysis. Commands store through {@link #store()}, which analyses
 * every message as it is stored and appends every message, event and analysis flag to the evidence log: there is
 * no other way in.
 */
final class Workspace implements AutoCloseable {
    private final ConversationStore raw;
    private final EvidenceLog evidence;
    private final ConversationStore store;

    Workspace(ConversationStore raw, EvidenceLog evidence) {
        this.raw = raw;
        this.evidence = evidence;
        this.store = new AnalyzingStore(evidence.recording(), Analyzer.standard());
    }

    ConversationStore store() {
        return store;
    }

    /** The store without analysis and evidence log: for measuring the rest alone (sweetie bench), never for capture. */
    ConversationStore storeOnly() {
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
