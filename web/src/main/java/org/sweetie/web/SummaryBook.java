package org.sweetie.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.sweetie.core.ConversationQuery;
import org.sweetie.core.ConversationStats;
import org.sweetie.core.ConversationStore;

/**
 * Every conversation's summary, for the dashboard's charts, kept up to date from what changed
 * ({@link ConversationStore#changedSince}): after a change only the summaries of the conversations it touched are
 * read again (all of them after a deletion). Safe for concurrent readers.
 */
final class SummaryBook {
    private final ConversationStore store;
    private final TreeMap<Long, ConversationStats> stats = new TreeMap<>();
    private long changes = -1;
    private List<ConversationStats> all = List.of();

    SummaryBook(ConversationStore store) {
        this.store = store;
    }

    /** Every conversation's summary, lowest id first. */
    synchronized List<ConversationStats> all() {
        if (changes < 0) {
            changes = store.changes();
            reload();
            return all;
        }
        ConversationStore.Changed changed = store.changedSince(changes);
        if (changed.changes() == changes) {
            return all;
        }
        if (changed.deleted()) {
            reload();
        } else {
            changed.conversations().forEach(stats::remove); // gone if deleted since; read again if not
            for (ConversationStats s : store.conversationStats(changed.conversations())) {
                stats.put(s.conversation().id(), s);
            }
        }
        changes = changed.changes();
        all = List.copyOf(stats.values());
        return all;
    }

    private void reload() {
        stats.clear();
        for (ConversationStats s : store.conversationStats(ConversationQuery.ALL, 0, Integer.MAX_VALUE)) {
            stats.put(s.conversation().id(), s);
        }
        all = List.copyOf(stats.values());
    }
}
