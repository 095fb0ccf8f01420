package org.sweetie.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.sweetie.core.ConversationQuery;
import org.sweetie.core.ConversationStats;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Stage;
import org.sweetie.web.view.BarChart;

/**
 * What the dashboard's charts count of the conversations' summaries (contacts per day, the qualification funnel),
 * kept up to date from what changed ({@link ConversationStore#changedSince}): after a change only the summaries of
 * the conversations it touched are read again, their old counts taken off and their new ones added (all read again
 * after a deletion). Safe for concurrent readers.
 */
final class SummaryBook {
    /** The funnel's steps, in order. */
    private static final List<String> FUNNEL = List.of("contacts", "age known", "sexual solicitation",
            "webcam request", "payment offer", "qualified", "WCST");

    private final ConversationStore store;
    private final Map<Long, ConversationStats> stats = new HashMap<>();
    private final TreeMap<LocalDate, Long> days = new TreeMap<>();
    private final long[] funnel = new long[FUNNEL.size()];
    private long changes = -1;

    /** The counts: conversations by the UTC day of their first message, and the funnel's figures. */
    record Tally(NavigableMap<LocalDate, Long> days, List<BarChart.Figure> funnel) {
    }

    SummaryBook(ConversationStore store) {
        this.store = store;
    }

    synchronized Tally tally() {
        if (changes < 0) {
            changes = store.changes();
            reload();
        } else {
            ConversationStore.Changed changed = store.changedSince(changes);
            if (changed.changes() != changes) {
                if (changed.deleted()) {
                    reload();
                } else {
                    for (long id : changed.conversations()) {
                        count(stats.remove(id), -1); // taken off; added again below unless deleted since
                    }
                    for (ConversationStats s : store.conversationStats(changed.conversations())) {
                        stats.put(s.conversation().id(), s);
                        count(s, 1);
                    }
                }
                changes = changed.changes();
            }
        }
        List<BarChart.Figure> figures = new java.util.ArrayList<>();
        for (int i = 0; i < FUNNEL.size(); i++) {
            figures.add(new BarChart.Figure(FUNNEL.get(i), funnel[i]));
        }
        return new Tally(Collections.unmodifiableNavigableMap(new TreeMap<>(days)), List.copyOf(figures));
    }

    private void reload() {
        stats.clear();
        days.clear();
        java.util.Arrays.fill(funnel, 0);
        for (ConversationStats s : store.conversationStats(ConversationQuery.ALL, 0, Integer.MAX_VALUE)) {
            stats.put(s.conversation().id(), s);
            count(s, 1);
        }
    }

    /** Adds (sign 1) or takes off (sign -1) what one conversation counts for; nothing for null. */
    private void count(ConversationStats s, int sign) {
        if (s == null) {
            return;
        }
        if (s.first() != null) {
            // a day whose count falls to 0 is no day of contacts any more (the chart starts at the first one)
            days.merge(LocalDate.ofInstant(s.first(), ZoneOffset.UTC), (long) sign, (a, b) -> a + b == 0 ? null
                    : a + b);
        }
        funnel[0] += s.messages() > 0 ? sign : 0;
        funnel[1] += s.stages().contains(Stage.AGE_AWARENESS) ? sign : 0;
        funnel[2] += s.stages().contains(Stage.SEXUAL_SOLICITATION) ? sign : 0;
        funnel[3] += s.stages().contains(Stage.WEBCAM_REQUEST) ? sign : 0;
        funnel[4] += s.stages().contains(Stage.PAYMENT_OFFER) ? sign : 0;
        funnel[5] += s.qualification().equals("none") ? 0 : sign;
        funnel[6] += s.qualification().equals("wcst") ? sign : 0;
    }
}
