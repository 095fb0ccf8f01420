package org.sweetie.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.ConversationAnalyzer;
import org.sweetie.core.Author;
import org.sweetie.core.Message;

/**
 * The analysis engine per message, on one thread: stages, qualification, initiation, identifiers and country over
 * realistic synthetic chat lines (mostly small talk; some stages, identifiers, obfuscation and other languages), in
 * conversations of 50 messages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AnalysisBenchmark {
    private static final String[] PARTNER = {"hi there", "how was school today?", "lol ok", "where are you from?",
        "how old r u", "do you have a cam?", "i give you 20 dollars for a sexy show", "r u alone?",
        "add me on skype dave.example.uk", "text me +44 7700 900123", "my name is Dave and i live in Leeds",
        "wil je naakt voor de webcam? ik betaal 15 euro", "my cam is broken", "haha you are funny",
        "what music do you like", "send me a pic n@ked", "dont tell anyone ok", "bye for now"};
    private static final String[] PERSONA = {"hi", "im 10", "what is that?", "no", "from cebu", "bye"};

    private Analyzer analyzer;
    private Message[] lines;
    private ConversationAnalyzer conversation;
    private int next;

    @Setup
    public void setUp() {
        analyzer = Analyzer.standard();
        lines = new Message[997];
        for (int i = 0; i < lines.length; i++) {
            boolean persona = i % 3 == 2;
            lines[i] = Message.received(Instant.EPOCH.plusSeconds(i), persona ? Author.BOT : Author.PARTNER,
                    persona ? "Sweetie10" : "partner", persona ? PERSONA[i % PERSONA.length]
                            : PARTNER[i % PARTNER.length], null, null);
        }
    }

    /** One message read; a new conversation every 50. */
    @Benchmark
    public int message() {
        if (next % 50 == 0) {
            conversation = analyzer.newConversation();
        }
        return conversation.accept(lines[next++ % lines.length]).size();
    }
}
