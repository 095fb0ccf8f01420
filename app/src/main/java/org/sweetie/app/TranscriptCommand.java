package org.sweetie.app;

import java.util.concurrent.Callable;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "transcript", mixinStandardHelpOptions = true,
        description = "Prints a stored conversation: messages and events in time order, times in UTC; '<' marks "
                + "the partner's lines, '>' the persona's with who typed them.")
final class TranscriptCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "ID", description = "Conversation id, as 'sweetie conversations' lists them.")
    long id;

    @Override
    public Integer call() throws java.io.IOException {
        try (Workspace workspace = store.open()) {
            ConversationStore conversations = workspace.store();
            Conversation c = conversations.findConversation(id).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "no conversation #" + id + " in " + store.location));
            Transcript.print(c, conversations, spec.commandLine().getOut());
        }
        return 0;
    }
}
