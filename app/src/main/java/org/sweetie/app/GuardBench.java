package org.sweetie.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.Author;
import org.sweetie.persona.Draft;
import org.sweetie.persona.EntrapmentGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "guard", mixinStandardHelpOptions = true,
        description = "Measures the entrapment guard's decision time per draft over the adversarial suite "
                + "(persona/adversarial-drafts.tsv), after a warm-up: percentiles and drafts per second.")
final class GuardBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "200", description = "Passes over the suite (${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws IOException {
        List<Draft> drafts = suite();
        EntrapmentGuard guard = Voice.guard(Analyzer.standard());
        for (int i = 0; i < Math.max(1, rounds / 10); i++) {
            drafts.forEach(guard::decide); // warm-up: let the JIT compile the guard first
        }
        Latencies latencies = new Latencies();
        int refused = 0;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            for (Draft draft : drafts) {
                long t = System.nanoTime();
                boolean allowed = guard.decide(draft).allowed();
                latencies.add(System.nanoTime() - t);
                refused += allowed ? 0 : 1;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long decided = (long) rounds * drafts.size();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%,d decisions (%d drafts x %d rounds, %,d refused) in %.2f s on one thread: %,.0f drafts/s%n",
                decided, drafts.size(), rounds, refused, seconds, decided / seconds);
        out.println("time per decision: " + latencies.summaryMicros());
        return 0;
    }

    private static List<Draft> suite() throws IOException {
        try (InputStream in = GuardBench.class.getResourceAsStream("/persona/adversarial-drafts.tsv")) {
            List<Draft> drafts = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t", -1);
                    drafts.add(Draft.reply(f[2], Author.BOT, f[1].isEmpty() ? null : f[1]));
                }
            }
            return drafts;
        }
    }
}
