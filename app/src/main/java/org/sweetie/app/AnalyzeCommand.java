package org.sweetie.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.ConversationAnalyzer;
import org.sweetie.analysis.Finding;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Identifier;
import org.sweetie.core.Printable;
import org.sweetie.core.Stage;
import org.sweetie.core.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Imports chat logs (or reads them from the store if imported before) and reports, per "
                + "conversation, the stages reached, qualification (solicitation, WCST) with the message that "
                + "completes it, who raised the sexual, payment and webcam topics first, and the identifiers the "
                + "partner revealed.", "Messages are numbered as 'sweetie transcript' numbers them, from 1; "
                + "--json prints one JSON document (docs/analysis.md) whose message indexes count from 0."})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    LogOptions logs;

    @Option(names = "--json", description = "One JSON document on stdout.")
    boolean json;

    @Option(names = "--explain", description = "For each flag, the words, concepts and rule, the lexicon phrase or "
            + "the dialogue act that produced it.")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        Map<Long, Conversation> conversations = new LinkedHashMap<>();
        Map<Long, Path> files = new LinkedHashMap<>();
        try (Workspace workspace = store.open();
             var progress = new ImportCommand.Progress(spec.commandLine().getErr(), (file, conversation) -> {
                 conversations.putIfAbsent(conversation.id(), conversation);
                 files.putIfAbsent(conversation.id(), file);
             })) {
            ConversationStore conversationStore = workspace.store();
            var summary = logs.importer(workspace.inBatches(), null, progress).rereadingImportedFiles()
                    .importPaths(logs.paths);
            progress.close();
            Analyzer analyzer = Analyzer.standard();
            Map<Long, ConversationAnalyzer.Report> reports = new LinkedHashMap<>();
            for (long id : conversations.keySet()) {
                ConversationAnalyzer engine = analyzer.replay(conversationStore.messages(id),
                        conversationStore.events(id));
                reports.put(id, engine.report());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(json(conversations, files, reports));
            } else {
                reports.forEach((id, report) -> {
                    text(out, conversations.get(id), files.get(id), report);
                    if (explain) {
                        report.why().forEach((flag, reasons) -> reasons.forEach(reason ->
                                out.printf("    why %s: %s%n", flag, Printable.of(reason))));
                    }
                });
            }
            return ImportCommand.refused(spec.commandLine().getErr(), "analyze", summary, "analyzed");
        }
    }

    private static void text(PrintWriter out, Conversation c, Path file, ConversationAnalyzer.Report r) {
        out.printf("#%d %s (%s): %d messages%n", c.id(), Printable.of(c.label()), file.getFileName(), r.messages());
        out.printf("  stages: %s%n", r.stages().isEmpty() ? "none" : r.stages().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " at message " + (e.getValue() + 1))
                .collect(java.util.stream.Collectors.joining(", ")));
        out.printf("  solicitation: %s, WCST: %s%n", at(r.solicitation()), at(r.wcst()));
        for (Topic topic : Topic.values()) {
            Finding.Initiated first = r.initiation().get(topic);
            if (first != null) {
                out.printf("  %s raised first by the %s at message %d%n", topic.name().toLowerCase(Locale.ROOT),
                        first.byPersona() ? "PERSONA" : "partner", first.message() + 1);
            }
        }
        r.taintedBy().ifPresent(first -> out.printf("  TAINTED: the persona raised %s first, at message %d%n",
                first.topic().name().toLowerCase(Locale.ROOT), first.message() + 1));
        for (Identifier i : r.identifiers()) {
            out.printf("  %s %s (%s) at message %d%n", i.type().key(), Printable.of(i.value()),
                    Printable.of(i.normalized()), i.message() + 1);
        }
        if (r.country() != null) {
            out.printf("  country %s (confidence %.2f): %s%n", r.country().country(), r.country().confidence(),
                    r.country().evidence().stream().map(clue -> clue.country() + " " + Printable.of(clue.reason())
                            + " (message " + (clue.message() + 1) + ")").collect(java.util.stream.Collectors.joining("; ")));
        }
    }

    private static String at(Integer index) {
        return index == null ? "no" : "at message " + (index + 1);
    }

    private static String json(Map<Long, Conversation> conversations, Map<Long, Path> files,
                               Map<Long, ConversationAnalyzer.Report> reports) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("conversations");
        for (var entry : reports.entrySet()) {
            Conversation c = conversations.get(entry.getKey());
            ConversationAnalyzer.Report r = entry.getValue();
            ObjectNode node = list.addObject();
            node.put("id", c.id());
            node.put("file", files.get(c.id()).toString());
            node.put("network", c.key().network().name());
            node.put("channel", c.key().channel());
            node.put("partner", c.key().partnerAccount());
            node.put("messages", r.messages());
            ObjectNode stages = node.putObject("stages");
            for (Stage stage : Stage.values()) {
                put(stages, stage == Stage.SECRECY ? "secrecy" : stage.name().toLowerCase(Locale.ROOT),
                        r.stages().get(stage));
            }
            put(node, "solicitation", r.solicitation());
            put(node, "wcst", r.wcst());
            // what produced each flag; added beside the contract's fields, nothing removed
            ObjectNode why = node.putObject("evidence");
            r.why().forEach((flag, reasons) -> {
                ArrayNode reasonList = why.putArray(flag);
                reasons.forEach(reasonList::add);
            });
            ObjectNode initiation = node.putObject("initiation");
            for (Topic topic : Topic.values()) {
                Finding.Initiated first = r.initiation().get(topic);
                String key = topic.name().toLowerCase(Locale.ROOT);
                if (first == null) {
                    initiation.putNull(key);
                } else {
                    initiation.putObject(key).put("by", first.byPersona() ? "persona" : "partner")
                            .put("message", first.message());
                }
            }
            node.put("tainted", r.tainted());
            ArrayNode identifiers = node.putArray("identifiers");
            for (Identifier i : r.identifiers()) {
                identifiers.addObject().put("type", i.type().key()).put("value", i.value())
                        .put("normalized", i.normalized()).put("message", i.message()).put("start", i.start())
                        .put("end", i.end());
            }
            if (r.country() == null) {
                node.putNull("country");
            } else {
                ObjectNode country = node.putObject("country");
                country.put("code", r.country().country()).put("confidence", r.country().confidence());
                ArrayNode evidence = country.putArray("evidence");
                r.country().evidence().forEach(clue -> evidence.addObject().put("country", clue.country())
                        .put("weight", clue.weight()).put("reason", clue.reason()).put("message", clue.message()));
            }
        }
        return mapper.writeValueAsString(root);
    }

    private static void put(ObjectNode node, String field, Integer value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
