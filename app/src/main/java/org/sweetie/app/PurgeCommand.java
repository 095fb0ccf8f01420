package org.sweetie.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.Message;
import org.sweetie.identity.Profile;
import org.sweetie.identity.Suspects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Data minimisation: conversations that never reached any stage, whose partner is no suspect worth keeping, and
 * that have been quiet longer than the given time are deleted; the evidence log keeps their leaf hashes and a
 * purge entry with the counts, so what remains stays verifiable.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Deletes conversations (and then accounts no conversation uses) that never reached any stage, "
                + "whose partner is not linked to other accounts nor to any conversation that reached a stage, and "
                + "that were quiet for longer than --older-than. The evidence log records the deletion (what and why, "
                + "with counts) without the deleted content, and keeps every checkpoint verifiable."})
final class PurgeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--older-than", required = true, paramLabel = "DURATION",
            description = "Quiet for longer than this, like 30d or 12h.")
    Duration olderThan;

    @Option(names = "--dry-run", description = "Only say what would be deleted.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        if (olderThan.isNegative()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--older-than must not be negative");
        }
        Instant cutoff = Instant.now().minus(olderThan);
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = storeOptions.openExisting()) {
            ConversationStore store = workspace.store();
            Set<Long> keep = new HashSet<>();
            for (Profile p : Suspects.read(store)) {
                boolean reachedStage = p.conversations().stream().anyMatch(id -> store.flags(id).stream()
                        .anyMatch(f -> f.kind().equals("stage")));
                if (reachedStage || p.suspect().accounts().size() > 1) {
                    keep.addAll(p.conversations());
                }
            }
            List<Long> purge = new ArrayList<>();
            for (Conversation c : store.conversations()) {
                if (!keep.contains(c.id()) && lastActivity(store, c.id()).map(t -> t.isBefore(cutoff)).orElse(true)) {
                    purge.add(c.id());
                }
            }
            if (dryRun || purge.isEmpty()) {
                out.println((dryRun ? "would delete " : "nothing to delete: ") + purge.size() + " conversation(s) "
                        + purge + " quiet since before " + cutoff + "; kept " + keep.size() + " of suspects");
                return 0;
            }
            ConversationStore.Purged purged = workspace.evidence().purge(purge, "data minimisation: never reached "
                    + "any stage, partner is no suspect, quiet since before " + cutoff + " (sweetie purge "
                    + "--older-than " + olderThan + ")");
            workspace.evidence().checkpoint();
            out.println("deleted " + purged.conversations() + " conversations, " + purged.messages() + " messages, "
                    + purged.events() + " events, " + purged.flags() + " flags and " + purged.accounts()
                    + " accounts; the evidence log keeps their leaf hashes and a purge entry with these counts");
        }
        return 0;
    }

    private static Optional<Instant> lastActivity(ConversationStore store, long id) {
        Optional<Instant> message = store.messages(id).stream().map(Message::time).max(Instant::compareTo);
        Optional<Instant> event = store.events(id).stream().map(Event::time).max(Instant::compareTo);
        return message.isPresent() && event.isPresent()
                ? Optional.of(message.get().isAfter(event.get()) ? message.get() : event.get())
                : message.or(() -> event);
    }
}
