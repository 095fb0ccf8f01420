package org.sweetie.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweetie.capture.logs.ImportListener;
import org.sweetie.capture.logs.ImportSummary;
import org.sweetie.capture.logs.LogImporter;
import org.sweetie.core.ConversationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures Sweetie on this machine.",
        subcommands = {BenchCommand.ImportBench.class, EvidenceBench.class, AnalysisBench.class, CaptureBench.class, ClusterBench.class, GuardBench.class, LinkingBench.class, ConsoleBench.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a benchmark: import, evidence, analysis, capture, guard, linking or console");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Generates a WeeChat log of synthetic, non-graphic lines and imports it into a fresh store, "
                    + "reporting lines per second and the peak heap.",
                "Run with JAVA_OPTS=-Xmx256m to show the import fits in 256 MB."})
    static final class ImportBench implements Callable<Integer> {
        private static final String[] PARTNER_LINES = {"hi there", "how was school today?",
            "what music do you like", "i am from a small town, it rains a lot", "lol ok", "haha",
            "do you play minecraft?", "my dog is called rex", "what did you eat", "bye for now"};
        private static final String[] PERSONA_LINES = {"hi", "good", "kpop", "what is that?", "ok", "no",
            "im drawing", "my lola is cooking", "yes", "bye"};

        @Spec
        CommandSpec spec;

        @Option(names = "--lines", defaultValue = "1000000", description = "Lines to generate (${DEFAULT-VALUE}).")
        int lines;

        @Option(names = "--db", paramLabel = "LOCATION",
                description = "Store to import into (default: a fresh SQLite file in a temporary folder).")
        String db;

        @Option(names = "--store-only",
                description = "Measure the import pipeline and store alone, without the analysis and the evidence "
                        + "log that every real import runs.")
        boolean storeOnly;

        @Option(names = "--compare",
                description = "Measure the store alone and then the full import (analysis and evidence log) in the "
                        + "same run, each into a fresh store, and print the ratio of their rates.")
        boolean compare;

        @Option(names = "--warm-up", paramLabel = "LINES", defaultValue = "0",
                description = "Before each timed import, import LINES lines of the same kind into a throwaway SQLite "
                        + "file the same way (store only, or full), untimed, so that the rate is the steady one of "
                        + "a long import and not the JIT compiling the analysis (${DEFAULT-VALUE}: none).")
        int warmUp;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (warmUp < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--warm-up: expected a number of lines, 0 or more, got " + warmUp);
            }
            if (compare && db != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--compare imports twice into fresh SQLite files: leave out --db");
            }
            try (TempFolder work = new TempFolder("sweetie-bench")) {
                Path log = work.path.resolve("irc.benchnet.partner_0001.weechatlog");
                generate(log, lines);
                out.printf("generated %,d lines (%,d bytes) in %s%n", lines, Files.size(log), log);
                if (warmUp > 0) {
                    Files.createDirectories(work.path.resolve("warm-up"));
                    generate(work.path.resolve("warm-up").resolve(log.getFileName()), warmUp);
                }
                if (!compare) {
                    measure(out, work, log, storeOnly, db != null ? db : work.path.resolve("bench.db").toString());
                    return 0;
                }
                double alone = measure(out, work, log, true, work.path.resolve("alone.db").toString());
                double full = measure(out, work, log, false, work.path.resolve("full.db").toString());
                out.printf("with analysis and evidence log: %.2f of the store-only rate%n", full / alone);
            }
            return 0;
        }

        /** Imports the log into a fresh store; returns lines per second. */
        private double measure(PrintWriter out, TempFolder work, Path log, boolean alone, String location)
                throws IOException {
            if (warmUp > 0) {
                warm(out, work, alone);
            }
            try (Workspace workspace = StoreOptions.embedded(location, work.path.resolve("bench.keys"),
                    StoreOptions.BENCH_PASSPHRASE.toCharArray()).open()) {
                ConversationStore store = alone ? workspace.storeOnly() : workspace.inBatches();
                // Before the clock, as the store's opening: tables read once per process, whichever leg is timed
                // (the gazetteer loads in the background from the opening on, and would otherwise run beside it).
                long loading = System.nanoTime();
                workspace.loadAnalysisTables();
                out.printf("analysis tables loaded in %.2f s (once per process, not timed)%n",
                        (System.nanoTime() - loading) / 1e9);
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long cpu = processCpu();
                long start = System.nanoTime();
                ImportSummary summary = new LogImporter(store, DemoCommand.PERSONA, ZoneOffset.UTC, null,
                        ImportListener.SILENT).importPaths(List.of(log));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpu() - cpu) / 1e9;
                out.printf("imported into %s%s: %s%n", location.startsWith("jdbc:") ? location : "SQLite",
                        alone ? " (store only)" : " with analysis and evidence log", summary);
                out.printf("%,.0f lines/s (%,d lines in %.2f s, CPU %.1f s)%n", lines / seconds, lines, seconds,
                        cpuSeconds);
                out.printf("peak heap %,d MiB of max %,d MiB; Java %s, %d processors%n", peakHeap() >> 20,
                        Runtime.getRuntime().maxMemory() >> 20, Runtime.version(),
                        Runtime.getRuntime().availableProcessors());
                return lines / seconds;
            }
        }

        /**
         * Imports the warm-up log into a SQLite file of its own, the same way as the timed import, and deletes it:
         * the JIT then has compiled what the timed import runs. (A short full import spends a quarter of its CPU in
         * the JIT.)
         */
        private void warm(PrintWriter out, TempFolder work, boolean alone) throws IOException {
            Path folder = work.path.resolve("warm-up");
            Path store = folder.resolve(alone ? "alone.db" : "full.db");
            long start = System.nanoTime();
            try (Workspace workspace = StoreOptions.embedded(store.toString(), folder.resolve("bench.keys"),
                    StoreOptions.BENCH_PASSPHRASE.toCharArray()).open()) {
                new LogImporter(alone ? workspace.storeOnly() : workspace.inBatches(), DemoCommand.PERSONA,
                        ZoneOffset.UTC, null, ImportListener.SILENT)
                        .importPaths(List.of(folder.resolve("irc.benchnet.partner_0001.weechatlog")));
            }
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    if (file.getFileName().toString().startsWith(alone ? "alone.db" : "full.db")) {
                        Files.delete(file);
                    }
                }
            }
            out.printf("warmed up on %,d lines in %.2f s (not timed)%n", warmUp, (System.nanoTime() - start) / 1e9);
        }

        /** CPU time of the whole process so far, in nanoseconds (-1 where the platform does not say). */
        private static long processCpu() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : -1;
        }

        /** The sum of each heap pool's peak: an upper bound of the heap the import needed at once. */
        static long peakHeap() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        /** A private buffer of partner and persona lines with an occasional join and nick change, one per second. */
        static void generate(Path log, int count) throws IOException {
            DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
            LocalDateTime time = LocalDateTime.of(2013, 10, 1, 0, 0);
            try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (int i = 0; i < count; i++) {
                    w.write(format.format(time.plusSeconds(i)));
                    if (i % 1000 == 0) {
                        w.write("\t-->\tpartner_0001 (~p@198.51.100.1" + (i % 7) + ") has joined #chat");
                    } else if (i % 3 == 2) {
                        w.write("\tSweetie10\t" + PERSONA_LINES[i % PERSONA_LINES.length]);
                    } else {
                        w.write("\tpartner_0001\t" + PARTNER_LINES[i % PARTNER_LINES.length] + " " + i);
                    }
                    w.write('\n');
                }
            }
        }
    }
}
