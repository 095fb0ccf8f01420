package org.sweetie.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "transcript", mixinStandardHelpOptions = true,
        description = "Prints a stored conversation: messages and events in time order, times in UTC; '<' marks "
                + "the partner's lines, '>' the persona's with who typed them. With --follow it goes on printing "
                + "what a running capture stores (the partner's replies, the persona's lines) until Ctrl-C.")
final class TranscriptCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "ID", description = "Conversation id, as 'sweetie conversations' lists them.")
    long id;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines as they are stored, until Ctrl-C.")
    boolean follow;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "1s", hidden = true,
            description = "How often --follow looks for new lines (default: ${DEFAULT-VALUE}).")
    Duration poll;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = store.openExisting()) {
            ConversationStore conversations = workspace.store();
            Conversation c = conversations.findConversation(id).orElseThrow(() -> new NotFound(
                    "no conversation #" + id + " (see sweetie conversations)", store.location));
            out.println(Transcript.heading(c, conversations));
            Transcript transcript = new Transcript(c, conversations);
            transcript.printNew(out);
            // Another process (sweetie run) writes the store: reading it again is how new lines are seen. The
            // store's reader sees each commit as it happens (SQLite WAL, PostgreSQL).
            while (follow && !Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(poll);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                transcript.printNew(out);
            }
        }
        return 0;
    }
}
