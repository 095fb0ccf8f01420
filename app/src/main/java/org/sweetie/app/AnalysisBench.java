package org.sweetie.app;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.ConversationAnalyzer;
import org.sweetie.core.Author;
import org.sweetie.core.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "analysis", mixinStandardHelpOptions = true,
        description = "Measures the analysis engine on one thread: stages, qualification, initiation and "
                + "identifiers over realistic synthetic chat lines, in messages per second.")
final class AnalysisBench implements Callable<Integer> {
    /** Lines of the kinds the engine meets: mostly small talk, some with stages and identifiers. */
    private static final String[] PARTNER = {"hi there", "how was school today?", "lol ok", "where are you from?",
        "how old r u", "do you have a cam?", "i give you 20 dollars for a sexy show", "r u alone?",
        "add me on skype dave.example.uk", "text me +44 7700 900123", "my name is Dave and i live in Leeds",
        "wil je naakt voor de webcam? ik betaal 15 euro", "my cam is broken", "haha you are funny",
        "what music do you like", "send me a pic n@ked", "dont tell anyone ok", "bye for now"};
    private static final String[] PERSONA = {"hi", "im 10", "what is that?", "no", "from cebu", "bye"};

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", defaultValue = "2000000", description = "Messages to analyse (${DEFAULT-VALUE}).")
    int messages;

    @Override
    public Integer call() {
        List<Message> lines = new ArrayList<>();
        for (int i = 0; i < 997; i++) {
            boolean persona = i % 3 == 2;
            String text = persona ? PERSONA[i % PERSONA.length] : PARTNER[i % PARTNER.length];
            lines.add(Message.received(Instant.EPOCH.plusSeconds(i), persona ? Author.BOT : Author.PARTNER,
                    persona ? "Sweetie10" : "partner", text, null, null));
        }
        Analyzer analyzer = Analyzer.standard();
        run(analyzer, lines, messages / 10); // warm-up: let the JIT compile the engine first
        long start = System.nanoTime();
        long findings = run(analyzer, lines, messages);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("analysed %,d messages in %.2f s on one thread: %,.0f messages/s (%,d findings)%n", messages,
                seconds, messages / seconds, findings);
        return 0;
    }

    /** Conversations of 50 messages each, as the engine meets them live. */
    private static long run(Analyzer analyzer, List<Message> lines, int count) {
        long findings = 0;
        ConversationAnalyzer conversation = analyzer.newConversation();
        for (int i = 0; i < count; i++) {
            if (i % 50 == 0) {
                conversation = analyzer.newConversation();
            }
            findings += conversation.accept(lines.get(i % lines.size())).size();
        }
        return findings;
    }
}
