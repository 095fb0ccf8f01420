package org.sweetie.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private final Analyzer analyzer = Analyzer.standard();
    private final AnalyzingStore store;
    /** The threads an import reads messages and runs conversations' engines on; started on first use. */
    private ExecutorService readers;

    Workspace(ConversationStore raw, EvidenceLog evidence) {
        this.raw = raw;
        this.evidence = evidence;
        this.store = new AnalyzingStore(evidence.recording(), analyzer);
    }

    ConversationStore store() {
        return store;
    }

    /**
     * The same store for work that stores many messages per unit, imports and the capture writer: a unit reads the
     * texts of the messages it stores ahead, on one thread per core, and runs the conversations' engines on those
     * threads beside the one that stores (see {@link AnalyzingStore#readingAhead}). It shares the engines with
     * {@link #store()}.
     */
    synchronized ConversationStore inBatches() {
        if (readers == null) {
            readers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                    Thread.ofPlatform().daemon().name("analysis-reader-", 1).factory());
        }
        return store.readingAhead(readers);
    }

    /** The store without analysis and evidence log: for measuring the rest alone (sweetie bench), never for capture. */
    ConversationStore storeOnly() {
        return raw;
    }

    /** Waits for the analysis's tables that load once per process ({@link Analyzer#loadTables()}). */
    void loadAnalysisTables() {
        analyzer.loadTables();
    }

    EvidenceLog evidence() {
        return evidence;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (readers != null) {
                readers.shutdownNow();
            }
        }
        raw.close();
    }
}
