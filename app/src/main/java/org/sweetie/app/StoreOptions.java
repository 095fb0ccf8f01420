package org.sweetie.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.sweetie.evidence.CheckpointPolicy;
import org.sweetie.evidence.EvidenceLog;
import org.sweetie.evidence.KeyFile;
import org.sweetie.evidence.Rfc3161Client;
import org.sweetie.store.Stores;
import picocli.CommandLine.Option;

/** The options of every command that opens the store and its evidence log. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "LOCATION", defaultValue = "${env:SWEETIE_DB:-data/sweetie.db}",
            description = "Store: a SQLite file (default: ${DEFAULT-VALUE}, or $SWEETIE_DB) or a JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/sweetie?user=sweetie")
    String location;

    @Option(names = "--key", paramLabel = "FILE", defaultValue = "${env:SWEETIE_EVIDENCE_KEY:-data/evidence.key}",
            description = "The evidence log's signing key, created on first use (default: ${DEFAULT-VALUE}, or "
                    + "$SWEETIE_EVIDENCE_KEY).")
    Path key;

    @Option(names = "--tsa", paramLabel = "URL", defaultValue = "${env:SWEETIE_TSA_URL}",
            description = "RFC 3161 timestamp authority for checkpoints (or $SWEETIE_TSA_URL); none by default.")
    URI tsa;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "10000",
            description = "Sign a checkpoint after this many new evidence entries (default: ${DEFAULT-VALUE}).")
    long checkpointEntries;

    @Option(names = "--checkpoint-seconds", paramLabel = "T", defaultValue = "300",
            description = "...or when this many seconds passed since the last one (default: ${DEFAULT-VALUE}).")
    long checkpointSeconds;

    /** Options for a store of Sweetie's own making (demo, benchmarks): its key beside it, default checkpoints. */
    static StoreOptions embedded(String location, Path key) {
        StoreOptions options = new StoreOptions();
        options.location = location;
        options.key = key;
        options.checkpointEntries = CheckpointPolicy.DEFAULT.everyEntries();
        options.checkpointSeconds = CheckpointPolicy.DEFAULT.everyTime().toSeconds();
        return options;
    }

    /** Opens the store, creating it when it is new (import, run). */
    Workspace open() throws IOException {
        return open(Stores.open(location));
    }

    /**
     * Opens a store that must exist: for the commands that read or decide on what was captured. A mistyped --db
     * would otherwise be a new empty store, and a command finding nothing in it would look like a clean result.
     */
    Workspace openExisting() throws IOException {
        try {
            return open(Stores.openExisting(location));
        } catch (org.sweetie.store.StoreException e) {
            if (e.getMessage().startsWith("no Sweetie store")) {
                throw new org.sweetie.store.StoreException(e.getMessage() + " (give the store with --db or "
                        + "$SWEETIE_DB; 'sweetie demo' keeps its own in data/demo.db)");
            }
            throw e;
        }
    }

    private Workspace open(org.sweetie.core.ConversationStore store) throws IOException {
        try {
            EvidenceLog log = new EvidenceLog(store, KeyFile.loadOrCreate(key),
                    new CheckpointPolicy(checkpointEntries, Duration.ofSeconds(checkpointSeconds)),
                    tsa == null ? null : new Rfc3161Client(tsa), Clock.systemUTC());
            return new Workspace(store, log);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
