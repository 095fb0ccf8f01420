package org.sweetie.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.time.Clock;
import java.time.Duration;
import org.sweetie.evidence.CheckpointPolicy;
import org.sweetie.evidence.EvidenceLog;
import org.sweetie.evidence.Rfc3161Client;
import org.sweetie.store.Stores;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of every command that opens the store and its evidence log. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "LOCATION", defaultValue = "${env:SWEETIE_DB:-data/sweetie.db}",
            description = "Store: a SQLite file (default: ${DEFAULT-VALUE}, or $SWEETIE_DB) or a JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/sweetie?user=sweetie")
    String location;

    @Option(names = "--key", paramLabel = "FILE", defaultValue = "${env:SWEETIE_KEYS:-data/keys}",
            description = "The key file: the store's data keys and the evidence signing key, wrapped with the "
                    + "passphrase; created on first use (default: ${DEFAULT-VALUE}, or $SWEETIE_KEYS).")
    Path key;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the key file's passphrase from FILE (else $SWEETIE_PASSPHRASE, else asked on the "
                    + "terminal).")
    Path passphraseFile;

    /** Benchmarks seal their throw-away stores as every store is sealed, with this passphrase (synthetic data). */
    static final String BENCH_PASSPHRASE = "sweetie-bench-synthetic-data";

    /** A passphrase of Sweetie's own (the demo's, a benchmark's); null: asked for as the options say. */
    char[] fixedPassphrase;

    /** The command these options belong to, for its stderr; null for options of Sweetie's own ({@link #embedded}). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

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
    static StoreOptions embedded(String location, Path key, char[] passphrase) {
        StoreOptions options = new StoreOptions();
        options.location = location;
        options.key = key;
        options.fixedPassphrase = passphrase == null ? null : passphrase.clone();
        options.checkpointEntries = CheckpointPolicy.DEFAULT.everyEntries();
        options.checkpointSeconds = CheckpointPolicy.DEFAULT.everyTime().toSeconds();
        return options;
    }

    /** Opens the store, creating it when it is new (import, run). */
    Workspace open() throws IOException {
        Stores.checkLocation(location); // before a key file is made for it
        if (!Files.exists(key) && Stores.exists(location)) {
            // an encrypted store whose key file is elsewhere says so, instead of getting a new key file it refuses
            Stores.openExisting(location).close();
        }
        KeyRing.Keys keys = unlock(true);
        return open(Stores.open(location, keys.store()), keys);
    }

    /**
     * Opens a store that must exist: for the commands that read or decide on what was captured. A mistyped --db
     * would otherwise be a new empty store, and a command finding nothing in it would look like a clean result.
     */
    Workspace openExisting() throws IOException {
        try {
            if (!Files.exists(key)) {
                // what is wrong with the store comes first (a mistyped --db, a file that is no store, an encrypted
                // store): opened without keys, it says so; else the missing key file is the problem
                Stores.openExisting(location).close();
            }
            KeyRing.Keys keys = unlock(false);
            return open(Stores.openExisting(location, keys.store()), keys);
        } catch (org.sweetie.store.StoreException e) {
            if (e.getMessage().startsWith("no Sweetie store")) {
                throw new org.sweetie.store.StoreException(e.getMessage() + " (give the store with --db or "
                        + "$SWEETIE_DB; 'sweetie demo' keeps its own in data/demo.db)");
            }
            throw e;
        }
    }

    /**
     * Claims the store for a command that adds to its evidence log (import, export, purge, decisions, referrals,
     * users, the console's audit). Each process keeps the log's tree in memory and appends at the next index it
     * knows, so a second process appending beside a run would take the index the run takes next and one of the two
     * would fail: such a command refuses while another holds the store. 'run --console' serves the console inside
     * the run's own process.
     */
    org.sweetie.store.RunLock claim(String command) {
        try {
            return org.sweetie.store.RunLock.claim(location, command);
        } catch (org.sweetie.store.StoreException e) {
            throw new org.sweetie.store.StoreException(e.getMessage().replace("; stop it first or give another --db",
                    "") + "; " + command + " adds to the same evidence log: stop the other process (Ctrl-C), "
                    + command + ", and start it again");
        }
    }

    /** The passphrase, as --passphrase-file, $SWEETIE_PASSPHRASE or the terminal give it. */
    char[] passphrase(String prompt) throws IOException {
        if (fixedPassphrase != null) {
            return fixedPassphrase.clone();
        }
        return Passphrase.read(passphraseFile, System.getenv(), Terminal.stdinIsTerminal() ? System.console() : null,
                prompt);
    }

    /**
     * The keys of the key file, unwrapped with the passphrase; a missing file is made with new keys when the store
     * may be created, else it is an error (a store's data does not open without its own keys). A wrong passphrase
     * fails here, before anything is opened or written. A pending signing key is resolved here (see
     * {@link #resolved}): every command that signs takes its signer from these keys.
     */
    KeyRing.Keys unlock(boolean mayCreate) throws IOException {
        if (Files.exists(key)) {
            char[] passphrase = passphrase("Passphrase of " + key + ": ");
            try {
                return resolved(KeyRing.open(key, passphrase), passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
        if (!mayCreate) {
            throw new IOException("no key file " + key + ": the store's keys and the evidence signing key are in it "
                    + "(give it with --key or $SWEETIE_KEYS)");
        }
        char[] passphrase = passphrase("New passphrase for " + key + ": ");
        try {
            if (fixedPassphrase == null && passphraseFile == null && System.getenv(Passphrase.VARIABLE) == null) {
                char[] again = System.console().readPassword("Same passphrase again: ");
                if (!Arrays.equals(passphrase, again)) {
                    throw new IllegalArgumentException("the two passphrases differ");
                }
            }
            KeyRing.write(key, KeyRing.Keys.fresh(), passphrase, false);
            return KeyRing.open(key, passphrase); // the keys that were written, also when another run was first
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * The keys with a pending signing key (of an interrupted 'keys rotate --signing') resolved against the store's
     * evidence log, before anything signs with them: see {@link SigningKeyRotation#resolve}. One line on stderr says
     * what was done.
     */
    private KeyRing.Keys resolved(KeyRing.Keys keys, char[] passphrase) throws IOException {
        if (!keys.hasPending()) {
            return keys;
        }
        org.sweetie.core.ConversationStore store;
        try {
            store = Stores.openExisting(location, keys.store());
        } catch (org.sweetie.store.StoreException e) {
            throw new org.sweetie.store.StoreException(key + " holds the new key of an interrupted signing key "
                    + "rotation, which is kept or dropped as the store's evidence log says, and the store does not "
                    + "open: " + e.getMessage());
        }
        SigningKeyRotation.Resolved resolved;
        try (store) {
            resolved = SigningKeyRotation.resolve(key, keys, passphrase, store, Clock.systemUTC());
        }
        PrintWriter err = command == null ? new PrintWriter(System.err, true) : command.commandLine().getErr();
        err.println("sweetie: " + resolved.notice());
        err.flush();
        return resolved.keys();
    }

    private Workspace open(org.sweetie.core.ConversationStore store, KeyRing.Keys keys) throws IOException {
        try {
            EvidenceLog log = new EvidenceLog(store, keys.signer(key),
                    new CheckpointPolicy(checkpointEntries, Duration.ofSeconds(checkpointSeconds)),
                    tsa == null ? null : new Rfc3161Client(tsa), Clock.systemUTC());
            return new Workspace(store, log);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
