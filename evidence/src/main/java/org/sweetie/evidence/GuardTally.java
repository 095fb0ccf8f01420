package org.sweetie.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sweetie.core.EvidenceStorage;

/**
 * What the entrapment guard decided, counted by rule from its {@code guard} entries in the evidence log: the drafts
 * it refused and those it held for a supervisor. Allowed drafts are counted in all, not by rule.
 */
public record GuardTally(int decisions, int allowed, List<Rule> rules) {
    public GuardTally {
        rules = List.copyOf(rules);
    }

    /** One rule: how many drafts it refused and how many it held. */
    public record Rule(String rule, int refused, int held) {
    }

    /**
     * Counts every guard entry of the log.
     *
     * @throws IllegalStateException when a guard entry in the log is not one (the log was tampered with)
     */
    public static GuardTally of(EvidenceLog log) {
        int decisions = 0;
        int allowed = 0;
        Map<String, int[]> byRule = new TreeMap<>();
        for (EvidenceStorage.Record record : log.storage().entriesOfKind(Entries.GUARD)) {
            Entry entry = decode(record);
            decisions++;
            String decision = entry.get("decision");
            switch (decision) {
                case "refused" -> byRule.computeIfAbsent(entry.get("rule"), r -> new int[2])[0]++;
                case "held" -> byRule.computeIfAbsent(entry.get("rule"), r -> new int[2])[1]++;
                default -> allowed++;
            }
        }
        List<Rule> rules = new ArrayList<>();
        byRule.forEach((rule, n) -> rules.add(new Rule(rule, n[0], n[1])));
        return new GuardTally(decisions, allowed, rules);
    }

    private static Entry decode(EvidenceStorage.Record record) {
        try {
            Entry entry = EntryEncoding.decode(record.body());
            if (entry.get("decision").isEmpty() || entry.get("rule").isEmpty()) {
                throw new IllegalStateException("no decision or rule");
            }
            return entry;
        } catch (EntryEncoding.MalformedEntryException | RuntimeException e) {
            throw new IllegalStateException("evidence entry " + record.index() + " is not a guard entry: "
                    + e.getMessage(), e);
        }
    }
}
