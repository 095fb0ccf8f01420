package org.sweetie.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationQuery;
import org.sweetie.core.ConversationStats;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
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
    private final CountryBook countries;

    public ConversationOverview(ConversationStore store, Analyzer analyzer) {
        this(store, new CountryBook(store, analyzer));
    }

    /** With the countries a long-running reader keeps (the console's, shared with its dashboard). */
    public ConversationOverview(ConversationStore store, CountryBook countries) {
        this.store = store;
        this.countries = countries;
    }

    /** The conversations that pass the filter, in the store's order (by id), each with its country. */
    public List<ConversationSummary> list(ConversationFilter filter) {
        return passing(store.conversationStats(filter.query(Desk.EVERYONE), 0, Integer.MAX_VALUE), filter, true)
                .reversed();
    }

    /**
     * A page of the conversations that pass the filter and that the desk shows, newest first (by id). The store
     * finds and counts them on its summaries and its search index (text, identifier); only a search by country
     * reads the conversations that pass the rest, and the country is worked out for the page's conversations only, unless the filter asks
     * for one.
     */
    public ConversationPage page(ConversationFilter filter, Desk desk, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("a page starts at 0 or later and holds at least one, not " + offset
                    + "/" + limit);
        }
        ConversationQuery query = filter.query(desk);
        if (!filter.readsConversations()) {
            long total = store.countConversations(query);
            var country = countries.reader();
            List<ConversationSummary> shown = store.conversationStats(query, offset, limit).stream()
                    .map(ConversationOverview::summary).map(s -> s.withCountry(country.apply(s.id()).orElse(null)))
                    .toList();
            return new ConversationPage(shown, Math.toIntExact(total), offset, limit);
        }
        if (filter.text() == null && filter.identifier() == null) {
            return byCountry(filter, query, offset, limit);
        }
        List<ConversationSummary> all = passing(store.conversationStats(query, 0, Integer.MAX_VALUE), filter,
                filter.country() != null);
        List<ConversationSummary> shown = new ArrayList<>();
        var country = countries.reader();
        for (ConversationSummary s : all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
            shown.add(s.country() != null || filter.country() != null ? s
                    : s.withCountry(country.apply(s.id()).orElse(null)));
        }
        return new ConversationPage(shown, all.size(), offset, limit);
    }

    /**
     * A search by country and what the summaries tell: the ids that pass the rest, then each one's country from the
     * book (replayed only if it changed since), then the page's summaries only.
     */
    private ConversationPage byCountry(ConversationFilter filter, ConversationQuery query, int offset, int limit) {
        var country = countries.reader();
        List<Long> matching = new ArrayList<>();
        java.util.Map<Long, CountryAttribution> found = new java.util.HashMap<>();
        for (long id : store.conversationIds(query)) {
            CountryAttribution a = country.apply(id).orElse(null);
            if (a != null && a.country().equalsIgnoreCase(filter.country())) {
                matching.add(id);
                found.put(id, a);
            }
        }
        List<Long> page = matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + limit, matching.size()));
        List<ConversationSummary> shown = store.conversationStats(List.copyOf(page)).stream()
                .map(ConversationOverview::summary).map(s -> s.withCountry(found.get(s.id()))).toList();
        return new ConversationPage(shown, matching.size(), offset, limit);
    }

    /** One conversation as the list shows it, with its country; empty when the store has none by that id. */
    public Optional<ConversationSummary> one(long id) {
        return store.findConversation(id).map(c -> withCountry(summary(c, store.messages(id), store.events(id),
                store.flags(id))));
    }

    /** Those of the store's candidates that pass what only the conversation itself can tell. */
    private List<ConversationSummary> passing(List<ConversationStats> candidates, ConversationFilter filter,
                                              boolean country) {
        List<ConversationSummary> shown = new ArrayList<>();
        var countryOf = countries.reader();
        for (ConversationStats candidate : candidates) {
            long id = candidate.conversation().id();
            ConversationSummary stored = summary(candidate);
            // what was said and found the store decided already, through its search index; the country costs a replay
            // of the conversation (kept by the book): only for those that pass the rest
            ConversationSummary full = country ? stored.withCountry(countryOf.apply(id).orElse(null)) : stored;
            if (filter.matchesCountry(full)) {
                shown.add(full);
            }
        }
        return shown;
    }

    private static ConversationSummary summary(ConversationStats s) {
        return new ConversationSummary(s.conversation(), s.first(), s.last(), s.messages(), s.events(), s.stages(),
                s.qualification(), null, s.reachedOperators());
    }

    private ConversationSummary withCountry(ConversationSummary s) {
        return s.withCountry(countries.of(s.id()).orElse(null));
    }

    private static ConversationSummary summary(Conversation c, List<Message> messages, List<Event> events,
                                               List<Flag> flags) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        String qualification = "none";
        for (Flag flag : flags) {
            if (flag.kind().equals("stage")) {
                stages.add(Stage.valueOf(flag.value().toUpperCase(Locale.ROOT)));
            } else if (flag.kind().equals("qualified")) {
                qualification = flag.value().equals("wcst") || qualification.equals("wcst") ? "wcst" : flag.value();
            }
        }
        boolean reachedOperators = events.stream().anyMatch(e -> e.kind() == EventKind.OPERATOR);
        return new ConversationSummary(c, messages.isEmpty() ? null : messages.getFirst().time(),
                messages.isEmpty() ? null : messages.getLast().time(), messages.size(), events.size(), stages,
                qualification, null, reachedOperators);
    }
}
