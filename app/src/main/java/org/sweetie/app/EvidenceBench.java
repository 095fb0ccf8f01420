package org.sweetie.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.evidence.BundleVerifier;
import org.sweetie.evidence.BundleWriter;
import org.sweetie.evidence.Entry;
import org.sweetie.evidence.Proofs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = {"Measures the evidence log: appends per second into a fresh SQLite store, the time to verify "
                + "a bundle of a 10,000-message conversation, and how proofs grow with the log."})
final class EvidenceBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--entries", defaultValue = "200000", description = "Entries to append (${DEFAULT-VALUE}).")
    int entries;

    @Option(names = "--bundle-messages", defaultValue = "10000",
            description = "Messages in the bundled conversation (${DEFAULT-VALUE}).")
    int bundleMessages;

    @Override
    public Integer call() throws IOException, BundleVerifier.BundleException {
        PrintWriter out = spec.commandLine().getOut();
        try (TempFolder work = new TempFolder("sweetie-bench-evidence");
             Workspace workspace = StoreOptions.embedded(work.path.resolve("bench.db").toString(),
                     work.path.resolve("bench.key")).open()) {
            appends(workspace, out);
            bundle(workspace, work.path, out);
        }
        proofSizes(out);
        return 0;
    }

    /** Entries on their own, 1,000 per transaction, as operator actions and guard decisions will come. */
    private void appends(Workspace workspace, PrintWriter out) {
        long start = System.nanoTime();
        for (int done = 0; done < entries; done += 1_000) {
            List<Entry> batch = new ArrayList<>(1_000);
            for (int i = done; i < Math.min(entries, done + 1_000); i++) {
                batch.add(new Entry("bench", List.of(new Entry.Field("n", Integer.toString(i)),
                        new Entry.Field("text", "a synthetic entry of about the size of a chat line " + i))));
            }
            workspace.evidence().recordAll(batch, null);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("appended %,d entries in %.2f s: %,.0f entries/s (SQLite, durable commits of 1,000)%n", entries,
                seconds, entries / seconds);
    }

    private void bundle(Workspace workspace, Path folder, PrintWriter out)
            throws IOException, BundleVerifier.BundleException {
        ConversationStore store = workspace.store();
        store.persona(DemoCommand.PERSONA);
        Conversation c = store.conversation(ConversationKey.privateChat(Network.irc("benchnet"), DemoCommand.PERSONA,
                "partner_0001"));
        try (var unit = store.appender()) {
            for (int i = 0; i < bundleMessages; i++) {
                unit.add(c, Message.received(Instant.EPOCH.plusSeconds(i), i % 2 == 0 ? Author.PARTNER : Author.BOT,
                        i % 2 == 0 ? "partner_0001" : "Sweetie10", "synthetic line " + i, null, null));
            }
            unit.commit();
        }
        Path bundle = folder.resolve("bench.zip");
        long start = System.nanoTime();
        var written = new BundleWriter(workspace.evidence(), Clock.systemUTC()).write(List.of(c.id()), "bench",
                bundle);
        double exportSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        BundleVerifier.verify(bundle);
        double verifySeconds = (System.nanoTime() - start) / 1e9;
        out.printf("bundle of %,d entries (log of %,d): exported in %.2f s, verified in %.2f s%n", written.entries(),
                written.treeSize(), exportSeconds, verifySeconds);
    }

    /** Proof lengths straight from the RFC's recursion: a log of n entries needs about log2(n) hashes. */
    private static void proofSizes(PrintWriter out) {
        byte[] any = new byte[32];
        for (long n : new long[] {1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000}) {
            int inclusion = Proofs.inclusion((a, b) -> any, n / 3, n).size();
            int consistency = Proofs.consistency((a, b) -> any, n / 2 + 1, n).size();
            out.printf("log of %,11d entries: inclusion proof %2d hashes (%,5d bytes), consistency proof %2d hashes; "
                    + "log2(n) = %.1f%n", n, inclusion, inclusion * 32, consistency, Math.log(n) / Math.log(2));
        }
    }
}
