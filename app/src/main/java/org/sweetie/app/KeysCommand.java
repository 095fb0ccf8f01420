package org.sweetie.app;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.sweetie.core.ConversationStore;
import org.sweetie.store.RunLock;
import org.sweetie.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "The key file: the store's data keys and the evidence signing key, wrapped with a passphrase "
                + "(docs/security.md).",
        subcommands = {KeysCommand.Rotate.class})
final class KeysCommand implements Runnable {
    static final String NEW_VARIABLE = "SWEETIE_NEW_PASSPHRASE";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what: rotate");
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Wraps the key file's keys with a new passphrase (from --new-passphrase-file, "
                    + "$" + NEW_VARIABLE + ", or asked twice on the terminal); the store's data is not rewritten.",
                "With --signing, also replaces the evidence signing key: the log records a hand-over entry (the old "
                        + "and the new verifier key, signed by the new key) in a checkpoint signed with the old key, "
                        + "and signs with the new key from then on. Bundles exported before keep verifying with the "
                        + "old verifier key; give recipients the new one ('sweetie evidence key'). If it is "
                        + "interrupted, the next command that opens the key file finishes or drops the rotation, as "
                        + "the log says, and tells which on stderr."})
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--new-passphrase-file", paramLabel = "FILE",
                description = "Read the new passphrase from FILE.")
        java.nio.file.Path newPassphraseFile;

        @Option(names = "--signing", description = "Also replace the evidence signing key (with a hand-over).")
        boolean signing;

        @Override
        public Integer call() throws IOException {
            // a wrong passphrase stops here, nothing written; a pending key of an interrupted rotation is resolved
            KeyRing.Keys keys = store.unlock(false);
            char[] next = newPassphrase();
            try {
                if (!signing) {
                    KeyRing.write(store.key, keys, next, true);
                    spec.commandLine().getOut().println("Re-wrapped " + store.key + " with the new passphrase; the "
                            + "old one no longer opens it (copies and backups made before still open with it)");
                    return 0;
                }
                // no run may sign with the old key while the log hands over to the new one
                try (RunLock claim = RunLock.claim(store.location);
                     ConversationStore opened = Stores.openExisting(store.location, keys.store())) {
                    Clock clock = Clock.systemUTC();
                    SigningKeyRotation.Started started = SigningKeyRotation.start(store.key, keys, next);
                    var handOver = started.handOver(opened, clock);
                    started.audit(opened, clock);
                    started.finish(store.key, next);
                    var out = spec.commandLine().getOut();
                    out.println("Replaced the evidence signing key; the hand-over is entry " + (handOver.size() - 1)
                            + ", signed by the old key in the checkpoint of size " + handOver.size() + ".");
                    out.println("Old verifier key (bundles exported before): " + started.old().verifierKey());
                    out.println("New verifier key (give it to recipients): " + started.next().verifierKey());
                    out.println("The key file is wrapped with the new passphrase.");
                }
                return 0;
            } finally {
                Arrays.fill(next, '\0');
            }
        }

        private char[] newPassphrase() throws IOException {
            if (newPassphraseFile != null || System.getenv(NEW_VARIABLE) != null) {
                java.util.Map<String, String> env = new java.util.HashMap<>();
                if (System.getenv(NEW_VARIABLE) != null) {
                    env.put(Passphrase.VARIABLE, System.getenv(NEW_VARIABLE));
                }
                return Passphrase.read(newPassphraseFile, env, null, "");
            }
            if (!Terminal.stdinIsTerminal() || System.console() == null) {
                throw new IllegalArgumentException("a new passphrase is needed: set $" + NEW_VARIABLE + ", give "
                        + "--new-passphrase-file FILE, or run this on a terminal to be asked for it");
            }
            char[] first = System.console().readPassword("New passphrase: ");
            char[] again = System.console().readPassword("Same new passphrase again: ");
            if (first == null || first.length == 0 || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two new passphrases differ or are empty");
            }
            return first;
        }
    }
}
