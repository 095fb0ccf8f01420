package org.sweetie.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "conversations", mixinStandardHelpOptions = true,
        description = "Lists the stored conversations with their message and event counts.")
final class ConversationsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = store.open()) {
            ConversationStore conversations = workspace.store();
            for (Conversation c : conversations.conversations()) {
                out.println(Transcript.heading(c, conversations));
            }
            out.println(conversations.counts());
        }
        return 0;
    }
}
