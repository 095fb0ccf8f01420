package org.sweetie.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sweetie.core.Account;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.evidence.BundleWriter;
import org.sweetie.store.RunLock;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a referral bundle for the police: transcripts, the evidence entries with inclusion "
                + "proofs, a freshly signed checkpoint, the verifier key and a manifest.",
            "The export itself is recorded in the evidence log; while 'sweetie run' captures into the same store, "
                + "export is refused (stop the run first). Recipients check a bundle with 'sweetie verify'."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--conversation", split = ",", paramLabel = "ID", required = true,
                description = "Conversation ids, as 'sweetie conversations' lists them.")
        List<Long> conversations;

        @Option(names = "--partner", split = ",", paramLabel = "ACCOUNT", required = true,
                description = "Every conversation with these partners: NICK or NETWORK:NICK, the nick an account "
                        + "was first seen under or any nick it took later.")
        List<String> partners;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "Where to write the bundle.")
    Path out;

    @Option(names = "--purpose", defaultValue = "referral", paramLabel = "TEXT",
            description = "Why it is exported, recorded in the evidence log (default: ${DEFAULT-VALUE}).")
    String purpose;

    @Override
    public Integer call() throws IOException {
        // Claimed after opening, so a mistyped --db is said as such and leaves no lock file.
        try (Workspace workspace = store.openExisting(); RunLock claim = store.claim("export")) {
            List<Long> ids = selected(workspace.store());
            var written = new BundleWriter(workspace.evidence(), Clock.systemUTC()).write(ids, purpose, out);
            spec.commandLine().getOut().printf("Wrote %s: %d conversations, %d evidence entries, checkpoint of %d "
                    + "entries signed by%n  %s%n", written.file(), written.conversations(), written.entries(),
                    written.treeSize(), workspace.evidence().verifierKey());
        }
        return 0;
    }

    private List<Long> selected(ConversationStore store) {
        List<Conversation> all = store.conversations();
        Set<Long> ids = new LinkedHashSet<>();
        if (selection.conversations != null) {
            for (long id : selection.conversations) {
                if (all.stream().noneMatch(c -> c.id() == id)) {
                    throw new NotFound("no conversation #" + id, this.store.location);
                }
                ids.add(id);
            }
        } else {
            for (String partner : selection.partners) {
                List<Long> matching = new ArrayList<>();
                for (Conversation c : all) {
                    if (isPartner(c, partner, store)) {
                        matching.add(c.id());
                    }
                }
                if (matching.isEmpty()) {
                    throw new NotFound("no conversation with partner " + partner, this.store.location);
                }
                ids.addAll(matching);
            }
        }
        return List.copyOf(ids);
    }

    /**
     * A partner is found by his account's handle (the nick first seen) and by every nick the account was seen under:
     * one who changed nick is one account, whichever of his nicks the analyst knows him by.
     */
    private static boolean isPartner(Conversation c, String partner, ConversationStore store) {
        int colon = partner.indexOf(':');
        String network = colon < 0 ? null : partner.substring(0, colon);
        String handle = Account.handleOf(colon < 0 ? partner : partner.substring(colon + 1));
        if (network != null && !c.key().network().name().equals(network)) {
            return false;
        }
        return c.key().partnerAccount().equals(handle) || store.account(c.key().network(),
                c.key().partnerAccount()).displayNames().stream().anyMatch(n -> Account.handleOf(n).equals(handle));
    }
}
