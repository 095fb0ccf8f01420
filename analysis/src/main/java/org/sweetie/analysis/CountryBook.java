package org.sweetie.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.sweetie.core.ConversationStore;

/**
 * The partner's most likely country of each conversation (the analysis' attribution, worked out by a replay of the
 * conversation: it is not stored, see {@link ConversationOverview}), kept for a long-running reader until the
 * conversation changes ({@link ConversationStore#changedSince}): after a change only the conversations it touched
 * are replayed again when asked for. What it answers is always what a replay of the conversation now gives. Safe for
 * concurrent readers; the replays themselves run outside its lock.
 */
public final class CountryBook {
    private final ConversationStore store;
    private final Analyzer analyzer;
    private final Map<Long, Optional<CountryAttribution>> known = new HashMap<>();
    /** The change count the kept attributions are valid at; -1 before the first question. */
    private long changes = -1;

    public CountryBook(ConversationStore store, Analyzer analyzer) {
        this.store = store;
        this.analyzer = analyzer;
    }

    /** The conversation's country attribution; empty when nothing points anywhere (or no such conversation). */
    public Optional<CountryAttribution> of(long conversationId) {
        return reader().apply(conversationId);
    }

    /**
     * A lookup for many conversations at once: the book is brought up to date once (one question to the store), then
     * each conversation's attribution is the kept one, or replayed and kept.
     */
    public LongFunction<Optional<CountryAttribution>> reader() {
        long at;
        synchronized (this) {
            at = refresh();
        }
        return id -> lookup(id, at);
    }

    private Optional<CountryAttribution> lookup(long conversationId, long at) {
        synchronized (this) {
            Optional<CountryAttribution> kept = known.get(conversationId);
            if (kept != null) {
                return kept;
            }
        }
        Optional<CountryAttribution> replayed = Optional.ofNullable(analyzer.replay(store.messages(conversationId),
                store.events(conversationId)).report().country());
        synchronized (this) {
            // kept unless the book moved on meanwhile (it may have forgotten this conversation while the replay read
            // it as it was before); lines newer than the count are fine: the next refresh forgets them
            if (changes == at) {
                known.put(conversationId, replayed);
            }
        }
        return replayed;
    }

    /** The count the kept attributions are valid at, after forgetting those of conversations changed since. */
    private long refresh() {
        if (changes < 0) {
            changes = store.changes();
            return changes;
        }
        ConversationStore.Changed changed = store.changedSince(changes);
        if (changed.changes() == changes) {
            return changes;
        }
        if (changed.deleted()) {
            Set<Long> left = new HashSet<>();
            store.conversations().forEach(c -> left.add(c.id()));
            known.keySet().retainAll(left);
        }
        changed.conversations().forEach(known::remove);
        changes = changed.changes();
        return changes;
    }
}
