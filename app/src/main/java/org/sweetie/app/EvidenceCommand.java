package org.sweetie.app;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.sweetie.store.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "The evidence log: its verifier key and checkpoints.",
        subcommands = {EvidenceCommand.Key.class, EvidenceCommand.Checkpoint.class})
final class EvidenceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what: key or checkpoint");
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = "Prints the verifier key of the evidence log's signing key (created on first use). Give it "
                    + "to recipients through another channel than the bundles.")
    static final class Key implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() throws IOException {
            // may be asked before anything is captured: the key is handed to recipients ahead of any bundle
            try (Workspace workspace = store.open()) {
                spec.commandLine().getOut().println(workspace.evidence().verifierKey());
            }
            return 0;
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Signs (and timestamps, with --tsa) a checkpoint of the whole log now and prints it.")
    static final class Checkpoint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() throws IOException {
            try (Workspace workspace = store.openExisting(); RunLock claim = store.claim("evidence checkpoint")) {
                var checkpoint = workspace.evidence().checkpoint();
                spec.commandLine().getOut().print(checkpoint.signedNote());
                if (checkpoint.timestampToken() != null) {
                    spec.commandLine().getOut().println("(with an RFC 3161 timestamp token of "
                            + checkpoint.timestampToken().length + " bytes)");
                }
            }
            return 0;
        }
    }
}
