package org.sweetie.app;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.ConversationAnalyzer;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Network;
import org.sweetie.core.Stage;

/**
 * What a running capture has gathered so far on some networks: conversations, stages reached, qualified
 * conversations, identifiers and partner countries, read back from the store (what is there is what is durable).
 */
record LiveSummary(int conversations, long messages, Map<Stage, Integer> stages, int solicitation, int wcst,
                   int identifiers, Map<String, Integer> countries) {

    /**
     * A quick count for the progress line, from the flags the analysis stored (no messages read, no country: the
     * engine's replay would cost a running deployment more the longer it runs).
     */
    static String progress(ConversationStore store, Set<Network> networks) {
        int conversations = 0;
        int solicitation = 0;
        int wcst = 0;
        Set<String> identifiers = new HashSet<>();
        for (Conversation c : store.conversations()) {
            if (!networks.contains(c.key().network())) {
                continue;
            }
            conversations++;
            for (org.sweetie.core.Flag f : store.flags(c.id())) {
                switch (f.kind()) {
                    case "qualified" -> {
                        solicitation += f.value().equals("solicitation") ? 1 : 0;
                        wcst += f.value().equals("wcst") ? 1 : 0;
                    }
                    case "identifier" -> identifiers.add(f.value() + ":" + f.detail());
                    default -> { }
                }
            }
        }
        return conversations + " conversations, " + solicitation + " solicitation, " + wcst + " WCST, "
                + identifiers.size() + " identifiers";
    }

    /** The full summary (every conversation read again by the engine, countries included): for the end of a run. */
    static LiveSummary of(ConversationStore store, Set<Network> networks, Analyzer analyzer) {
        List<Conversation> ours = store.conversations().stream()
                .filter(c -> networks.contains(c.key().network())).toList();
        Map<Stage, Integer> stages = new EnumMap<>(Stage.class);
        Map<String, Integer> countries = new TreeMap<>();
        Set<String> identifiers = new HashSet<>();
        int solicitation = 0;
        int wcst = 0;
        long messages = 0;
        for (Conversation c : ours) {
            ConversationAnalyzer.Report report = analyzer.replay(store.messages(c.id()), store.events(c.id())).report();
            messages += report.messages();
            report.stages().keySet().forEach(s -> stages.merge(s, 1, Integer::sum));
            solicitation += report.solicitation() != null ? 1 : 0;
            wcst += report.wcst() != null ? 1 : 0;
            report.identifiers().forEach(i -> identifiers.add(i.type() + ":" + i.normalized()));
            if (report.country() != null) {
                countries.merge(report.country().country(), 1, Integer::sum);
            }
        }
        return new LiveSummary(ours.size(), messages, stages, solicitation, wcst, identifiers.size(), countries);
    }

    /** A short table, for the end of a run. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("  %-28s %6d%n", "conversations", conversations));
        out.append(String.format("  %-28s %6d%n", "messages", messages));
        for (Stage stage : Stage.values()) {
            out.append(String.format("  %-28s %6d%n", "reached " + stage.name().toLowerCase().replace('_', ' '),
                    stages.getOrDefault(stage, 0)));
        }
        out.append(String.format("  %-28s %6d%n", "qualified: solicitation", solicitation));
        out.append(String.format("  %-28s %6d%n", "qualified: WCST", wcst));
        out.append(String.format("  %-28s %6d%n", "distinct identifiers", identifiers));
        out.append(String.format("  %-28s %s%n", "partner countries", countries.isEmpty() ? "none known"
                : countries.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(java.util.stream.Collectors.joining(", "))));
        return out.toString();
    }
}
