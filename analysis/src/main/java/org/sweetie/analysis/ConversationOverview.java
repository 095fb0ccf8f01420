package org.sweetie.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;
import org.sweetie.core.Stage;

/**
 * The analyst's list of conversations, filtered: stages and qualification as the analysis stored them, and the
 * partner's country worked out again from the conversation (the attribution is not stored: it changes as the
 * gazetteer and the IP table improve, and replaying is deterministic).
 */
public final class ConversationOverview {
    private final ConversationStore store;
    private final Analyzer analyzer;

    public ConversationOverview(ConversationStore store, Analyzer analyzer) {
        this.store = store;
        this.analyzer = analyzer;
    }

    /** The conversations that pass the filter, in the store's order (by id). */
    public List<ConversationSummary> list(ConversationFilter filter) {
        List<ConversationSummary> shown = new ArrayList<>();
        for (Conversation c : store.conversations()) {
            List<Message> messages = store.messages(c.id());
            List<Event> events = store.events(c.id());
            ConversationSummary stored = summary(c, messages, events, null);
            if (!filter.matchesStored(stored)) {
                continue;
            }
            // the country costs a replay of the conversation: only for those that pass everything else
            ConversationSummary full = stored.withCountry(analyzer.replay(messages, events).report().country());
            if (filter.matches(full)) {
                shown.add(full);
            }
        }
        return shown;
    }

    private ConversationSummary summary(Conversation c, List<Message> messages, List<Event> events,
                                        CountryAttribution country) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        String qualification = "none";
        for (Flag flag : store.flags(c.id())) {
            if (flag.kind().equals("stage")) {
                stages.add(Stage.valueOf(flag.value().toUpperCase(java.util.Locale.ROOT)));
            } else if (flag.kind().equals("qualified")) {
                qualification = flag.value().equals("wcst") || qualification.equals("wcst") ? "wcst" : flag.value();
            }
        }
        return new ConversationSummary(c, messages.isEmpty() ? null : messages.getFirst().time(),
                messages.isEmpty() ? null : messages.getLast().time(), messages.size(), events.size(), stages,
                qualification, country);
    }
}
