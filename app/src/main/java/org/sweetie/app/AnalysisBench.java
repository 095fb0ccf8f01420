package org.sweetie.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.ConversationAnalyzer;
import org.sweetie.analysis.SyntheticChat;
import org.sweetie.core.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "analysis", mixinStandardHelpOptions = true,
        description = "Measures the analysis engine on one thread: stages, qualification, initiation and "
                + "identifiers over realistic synthetic chat lines, in messages per second.")
final class AnalysisBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--messages", defaultValue = "2000000", description = "Messages to analyse (${DEFAULT-VALUE}).")
    int messages;

    @Override
    public Integer call() {
        List<Message> lines = SyntheticChat.lines(997);
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
