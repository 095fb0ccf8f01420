package org.sweetie.bench;

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
import org.sweetie.analysis.SyntheticChat;
import org.sweetie.core.Message;

/**
 * The analysis engine per message, on one thread, over {@link SyntheticChat} lines in conversations of 50.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AnalysisBenchmark {
    private Analyzer analyzer;
    private Message[] lines;
    private ConversationAnalyzer conversation;
    private int next;

    @Setup
    public void setUp() {
        analyzer = Analyzer.standard();
        lines = SyntheticChat.lines(997).toArray(Message[]::new);
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
