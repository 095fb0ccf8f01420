package org.sweetie.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    @Option(names = "--conversations", paramLabel = "N",
            description = "Instead: export and verify one bundle of N conversations (verification is linear in N).")
    Integer conversations;

    @Option(names = "--keep", paramLabel = "FILE.zip",
            description = "Keep that bundle as FILE.zip, e.g. to time `sweetie verify` or verify-bundle.py on it.")
    Path keep;

    @Option(names = "--conversation-messages", defaultValue = "10", paramLabel = "N",
            description = "Messages in each of those conversations (${DEFAULT-VALUE}).")
    int conversationMessages;

    @Override
    public Integer call() throws IOException, BundleVerifier.BundleException {
        PrintWriter out = spec.commandLine().getOut();
        try (TempFolder work = new TempFolder("sweetie-bench-evidence");
             Workspace workspace = StoreOptions.embedded(work.path.resolve("bench.db").toString(),
                     work.path.resolve("bench.keys"), StoreOptions.BENCH_PASSPHRASE.toCharArray()).open()) {
            if (conversations != null) {
                manyConversations(workspace, work.path, out);
                return 0;
            }
            appends(workspace, out);
            bundle(workspace, work.path, out);
        }
        proofSizes(out);
        return 0;
    }

    /** A referral of many short conversations: the shape that made verification quadratic before issue 14. */
    private void manyConversations(Workspace workspace, Path folder, PrintWriter out)
            throws IOException, BundleVerifier.BundleException {
        ConversationStore store = workspace.store();
        store.persona(DemoCommand.PERSONA);
        List<Long> ids = new ArrayList<>(conversations);
        long start = System.nanoTime();
        try (var unit = store.appender()) {
            for (int n = 0; n < conversations; n++) {
                String partner = String.format("partner_%05d", n);
                Conversation c = store.conversation(ConversationKey.privateChat(Network.irc("benchnet"),
                        DemoCommand.PERSONA, partner));
                ids.add(c.id());
                for (int i = 0; i < conversationMessages; i++) {
                    unit.add(c, Message.received(Instant.EPOCH.plusSeconds(n * 100L + i),
                            i % 2 == 0 ? Author.PARTNER : Author.BOT, i % 2 == 0 ? partner : "Sweetie10",
                            "synthetic line " + i, null, null));
                }
            }
            unit.commit();
        }
        double storeSeconds = (System.nanoTime() - start) / 1e9;
        Path bundle = folder.resolve("bench.zip");
        start = System.nanoTime();
        var written = new BundleWriter(workspace.evidence(), Clock.systemUTC()).write(ids, "bench", bundle);
        double exportSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        BundleVerifier.verify(bundle);
        double verifySeconds = (System.nanoTime() - start) / 1e9;
        out.printf("bundle of %,d conversations of %d messages (%,d entries, %,d bytes): stored in %.2f s, "
                + "exported in %.2f s, verified in %.2f s%n", written.conversations(), conversationMessages,
                written.entries(), Files.size(bundle), storeSeconds, exportSeconds, verifySeconds);
        if (keep != null) {
            Files.copy(bundle, keep, StandardCopyOption.REPLACE_EXISTING);
        }
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
