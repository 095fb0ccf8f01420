package org.sweetie.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.ConversationAnalyzer;
import org.sweetie.core.Author;
import org.sweetie.core.Identifier;
import org.sweetie.core.Message;
import org.sweetie.core.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Runs the analysis engine over the labelled corpus (synthetic, non-graphic; "
                + "analysis/corpus/generate.py writes it) and prints precision, recall and F1 per stage, per "
                + "qualification level and per identifier type, and how often the flag falls on the labelled "
                + "message itself."})
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "FILE", description = "A corpus in the same JSON Lines format "
            + "(default: the one built into Sweetie).")
    Path corpus;

    @Option(names = "--misses", description = "Also list every conversation where a stage or level differs from "
            + "its label, with the line and what produced the flag (for analysing a round after it was measured).")
    boolean misses;

    @Option(names = "--read", paramLabel = "TEXT", description = "Print how one line is read, word by word (its "
            + "concepts), instead of measuring: for analysing a round after it was measured.")
    String read;

    /** Counts of one measure. */
    static final class Tally {
        int truePositives;
        int falsePositives;
        int falseNegatives;
        int onTheMessage;
        long latency;

        void count(boolean labelled, boolean predicted) {
            if (labelled && predicted) {
                truePositives++;
            } else if (predicted) {
                falsePositives++;
            } else if (labelled) {
                falseNegatives++;
            }
        }

        double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1 : (double) a / b;
        }
    }

    @Override
    public Integer call() throws IOException {
        Analyzer analyzer = Analyzer.standard();
        if (read != null) {
            analyzer.words(read).forEach(w -> spec.commandLine().getOut().printf("%-20s %s%s%n", w.word(),
                    String.join(" ", w.concepts()), w.common() ? " (common word)" : ""));
            spec.commandLine().getOut().flush();
            return 0;
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, Tally> stages = new TreeMap<>();
        Map<String, Tally> levels = new TreeMap<>();
        Map<String, Tally> identifiers = new TreeMap<>();
        Tally tainted = new Tally();
        Tally strong = new Tally();
        int[] country = new int[2]; // right, labelled
        RoutingTable routing = new RoutingTable();
        int conversations = 0;
        for (String line : corpusLines()) {
            if (line.isBlank()) {
                continue;
            }
            conversations++;
            JsonNode c = json.readTree(line);
            ConversationAnalyzer.Report report = analyse(analyzer, c.get("lines"));
            JsonNode labels = c.get("labels");
            for (Stage stage : Stage.values()) {
                String key = stage.name().toLowerCase(Locale.ROOT);
                score(stages.computeIfAbsent(key, k -> new Tally()), labels.get("stages").get(key),
                        report.stages().get(stage));
            }
            if (misses) {
                printMisses(c, report);
            }
            score(levels.computeIfAbsent("solicitation", k -> new Tally()), labels.get("solicitation"),
                    report.solicitation());
            score(levels.computeIfAbsent("wcst", k -> new Tally()), labels.get("wcst"), report.wcst());
            tainted.count(labels.get("tainted").asBoolean(), report.tainted());
            scoreIdentifiers(identifiers, labels.get("identifiers"), report.identifiers());
            scoreStrong(strong, labels.get("identifiers"), report.identifiers());
            JsonNode labelledCountry = labels.get("country");
            if (labelledCountry != null && !labelledCountry.isNull()) {
                country[1]++;
                country[0] += report.country() != null
                        && report.country().country().equals(labelledCountry.asText()) ? 1 : 0;
            }
            routing.count(report.country(), labelledCountry == null || labelledCountry.isNull() ? null
                    : labelledCountry.asText());
        }
        print(conversations, stages, levels, tainted, identifiers);
        spec.commandLine().getOut().printf("strong identifiers (type aside): precision %.3f recall %.3f "
                + "(TP %d FP %d FN %d)%n", strong.precision(), strong.recall(), strong.truePositives,
                strong.falsePositives, strong.falseNegatives);
        spec.commandLine().getOut().printf("country accuracy: %.3f (%d of %d conversations whose labels name one)%n",
                country[1] == 0 ? 1.0 : (double) country[0] / country[1], country[0], country[1]);
        routing.print(spec.commandLine().getOut());
        return 0;
    }

    private List<String> corpusLines() throws IOException {
        if (corpus != null) {
            return Files.readAllLines(corpus, StandardCharsets.UTF_8);
        }
        try (InputStream in = EvalCommand.class.getResourceAsStream("/analysis/corpus.jsonl")) {
            if (in == null) {
                throw new IOException("the built-in corpus is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static ConversationAnalyzer.Report analyse(Analyzer analyzer, JsonNode lines) {
        ConversationAnalyzer engine = analyzer.newConversation();
        for (JsonNode line : lines) {
            boolean persona = line.get(0).asText().equals("S");
            // A line may carry the UTC time it was sent (time-zone remarks need it).
            Instant time = line.size() > 2 ? Instant.parse(line.get(2).asText()) : Instant.EPOCH;
            engine.accept(Message.received(time, persona ? Author.BOT : Author.PARTNER,
                    persona ? "Sweetie10" : "partner", line.get(1).asText(), null, null));
        }
        return engine.report();
    }

    private static void score(Tally tally, JsonNode labelled, Integer predicted) {
        boolean isLabelled = labelled != null && !labelled.isNull();
        tally.count(isLabelled, predicted != null);
        if (isLabelled && predicted != null) {
            tally.onTheMessage += predicted == labelled.asInt() ? 1 : 0;
            tally.latency += predicted - labelled.asInt();
        }
    }

    private static void scoreIdentifiers(Map<String, Tally> tallies, JsonNode labelled, List<Identifier> found) {
        Set<String> expected = new HashSet<>();
        labelled.forEach(i -> expected.add(i.get("type").asText() + "|" + i.get("normalized").asText() + "|"
                + i.get("message").asInt()));
        Set<String> predicted = new HashSet<>();
        found.forEach(i -> predicted.add(i.type().key() + "|" + i.normalized() + "|" + i.message()));
        Set<String> all = new HashSet<>(expected);
        all.addAll(predicted);
        for (String key : all) {
            tallies.computeIfAbsent(key.substring(0, key.indexOf('|')), k -> new Tally())
                    .count(expected.contains(key), predicted.contains(key));
        }
    }

    private void printMisses(JsonNode c, ConversationAnalyzer.Report report) {
        JsonNode labels = c.get("labels");
        Map<String, Integer> predicted = new TreeMap<>();
        Map<String, JsonNode> labelled = new TreeMap<>();
        for (Stage stage : Stage.values()) {
            String key = stage.name().toLowerCase(Locale.ROOT);
            predicted.put(key, report.stages().get(stage));
            labelled.put(key, labels.get("stages").get(key));
        }
        predicted.put("solicitation", report.solicitation());
        labelled.put("solicitation", labels.get("solicitation"));
        predicted.put("wcst", report.wcst());
        labelled.put("wcst", labels.get("wcst"));
        PrintWriter out = spec.commandLine().getOut();
        Set<String> expectedIds = new java.util.TreeSet<>();
        labels.get("identifiers").forEach(i -> {
            if (strong(i.get("type").asText())) {
                expectedIds.add(key(i.get("normalized").asText(), i.get("message").asInt()));
            }
        });
        Set<String> foundIds = new java.util.TreeSet<>();
        report.identifiers().forEach(i -> {
            if (strong(i.type().key())) {
                foundIds.add(key(i.normalized(), i.message()));
            }
        });
        expectedIds.stream().filter(k -> !foundIds.contains(k)).forEach(k -> out.printf(
                "MISS %s identifier not found: %s in: %s%n", c.get("id").asText(), k,
                c.get("lines").get(Integer.parseInt(k.substring(k.lastIndexOf('|') + 1))).get(1).asText()));
        foundIds.stream().filter(k -> !expectedIds.contains(k)).forEach(k -> out.printf(
                "MISS %s identifier not labelled: %s%n", c.get("id").asText(), k));
        if (labels.get("tainted").asBoolean() != report.tainted()) {
            out.printf("MISS %s tainted: labelled %s, found %s %s%n", c.get("id").asText(),
                    labels.get("tainted").asBoolean(), report.tainted(), report.taintedBy().map(first -> "at "
                            + first.message() + " (" + first.topic() + "): " + c.get("lines").get(first.message())
                            .get(1).asText()).orElse(""));
        }
        JsonNode country = labels.get("country");
        String gotCountry = report.country() == null ? null : report.country().country();
        if (country != null && !country.isNull() && !country.asText().equals(gotCountry)) {
            out.printf("MISS %s country: labelled %s, found %s %s%n", c.get("id").asText(), country.asText(),
                    gotCountry, report.country() == null ? "" : report.country().evidence());
        }
        predicted.forEach((key, got) -> {
            JsonNode want = labelled.get(key);
            Integer expected = want == null || want.isNull() ? null : want.asInt();
            if (!java.util.Objects.equals(expected, got)) {
                out.printf("MISS %s %s: labelled %s, found %s%s%n", c.get("id").asText(), key, expected, got,
                        report.why().containsKey(key) ? " because " + report.why().get(key) : "");
                for (Integer at : new Integer[] {expected, got}) {
                    if (at != null && at < c.get("lines").size()) {
                        out.printf("     %d %s: %s%n", at, c.get("lines").get(at).get(0).asText(),
                                c.get("lines").get(at).get(1).asText());
                    }
                }
            }
        });
    }

    /**
     * Strong identifiers (not name, age, place or job) counted by value and message, whatever type each side gave:
     * a WhatsApp number labelled as a phone is the same identifier. Values compare in lower case without a
     * leading @ and without trailing punctuation.
     */
    private static void scoreStrong(Tally tally, JsonNode labelled, List<Identifier> found) {
        Set<String> expected = new HashSet<>();
        labelled.forEach(i -> {
            if (strong(i.get("type").asText())) {
                expected.add(key(i.get("normalized").asText(), i.get("message").asInt()));
            }
        });
        Set<String> predicted = new HashSet<>();
        found.forEach(i -> {
            if (strong(i.type().key())) {
                predicted.add(key(i.normalized(), i.message()));
            }
        });
        Set<String> all = new HashSet<>(expected);
        all.addAll(predicted);
        all.forEach(k -> tally.count(expected.contains(k), predicted.contains(k)));
    }

    private static boolean strong(String type) {
        return !Set.of("name", "age", "location", "occupation").contains(type);
    }

    private static String key(String value, int message) {
        return value.toLowerCase(Locale.ROOT).replaceFirst("^@", "").replaceAll("[.,!?;:)]+$", "") + "|" + message;
    }

    private void print(int conversations, Map<String, Tally> stages, Map<String, Tally> levels, Tally tainted,
                       Map<String, Tally> identifiers) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d conversations%n%n", conversations);
        out.println("| measure | precision | recall | F1 | TP | FP | FN | flagged on the labelled message | "
                + "mean latency (messages) |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        levels.forEach((name, t) -> row(out, name, t, true));
        stages.forEach((name, t) -> row(out, "stage " + name, t, true));
        row(out, "tainted", tainted, false);
        identifiers.forEach((name, t) -> row(out, "identifier " + name, t, false));
        out.println();
    }

    private static void row(PrintWriter out, String name, Tally t, boolean timed) {
        String timing = timed && t.truePositives > 0
                ? "%.1f%% | %.2f".formatted(100.0 * t.onTheMessage / t.truePositives,
                        (double) t.latency / t.truePositives)
                : " | ";
        out.printf("| %s | %.3f | %.3f | %.3f | %d | %d | %d | %s |%n", name, t.precision(), t.recall(), t.f1(),
                t.truePositives, t.falsePositives, t.falseNegatives, timing);
    }
}
