package org.sweetie.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sweetie.core.Account;
import org.sweetie.core.ConversationQuery;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;
import org.sweetie.core.SearchTerms;
import org.sweetie.core.Stage;

/**
 * Which conversations an analyst wants to see. Every criterion given must hold; a null, blank or empty one is not
 * applied. Text criteria ignore case.
 *
 * @param stages stages the conversation must all have reached
 * @param qualified "solicitation" (solicitation or more), "wcst", or "any" (either); null: not filtered
 * @param country ISO 3166-1 alpha-2 code of the partner's most likely country
 * @param since the conversation's last message is at or after this
 * @param until the conversation's first message is at or before this (with since: it ran within the range)
 * @param partner the partner's handle, on any network
 * @param network the network's name
 * @param persona the persona's handle
 * @param identifier an identifier the analysis found in it (an email, a phone number, a handle), whole, ignoring
 *     case: the store finds it by a keyed hash, as the identifiers it keeps are sealed (docs/security.md)
 * @param text words someone wrote in it, each whole, ignoring case and accents (all of them, anywhere in the
 *     conversation): found the same way
 */
public record ConversationFilter(Set<Stage> stages, String qualified, String country, Instant since, Instant until,
                                 String partner, String network, String persona, String identifier, String text) {
    public static final ConversationFilter ALL = new ConversationFilter(Set.of(), null, null, null, null, null, null,
            null, null, null);

    public ConversationFilter {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        qualified = given(qualified);
        if (qualified != null && !Set.of("any", "solicitation", "wcst").contains(qualified)) {
            throw new IllegalArgumentException("qualified must be any, solicitation or wcst, not '" + qualified + "'");
        }
        country = given(country);
        partner = given(partner);
        network = given(network);
        persona = given(persona);
        identifier = given(identifier);
        text = given(text);
    }

    /** The filters the command line offers. */
    public ConversationFilter(Set<Stage> stages, String qualified, String country, Instant since, String partner) {
        this(stages, qualified, country, since, null, partner, null, null, null, null);
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What the store decides of this filter on its summaries, for a reader of this desk. */
    ConversationQuery query(Desk desk) {
        return new ConversationQuery(stages, qualified, since, until, partner == null ? null : Account.handleOf(partner),
                network, persona, desk.personas(), identifier, text);
    }

    /**
     * Whether deciding needs more than the store: the country. (What was said and found the store decides through
     * its search index.)
     */
    boolean readsConversations() {
        return country != null;
    }

    /**
     * What the store's search index decides of what was said and found, worked out from the conversation itself: the
     * reference the index is tested against (ConversationPagingEquivalenceTest).
     */
    boolean matchesContent(List<Message> messages, List<Flag> flags) {
        if (identifier != null) {
            String wanted = SearchTerms.identifier(identifier);
            if (flags.stream().noneMatch(f -> f.kind().equals("identifier")
                    && SearchTerms.identifier(f.detail()).equals(wanted))) {
                return false;
            }
        }
        if (text != null) {
            Set<String> written = new java.util.HashSet<>();
            messages.forEach(m -> written.addAll(SearchTerms.words(m.text())));
            return written.containsAll(SearchTerms.words(text));
        }
        return true;
    }

    boolean matchesCountry(ConversationSummary s) {
        return country == null || s.country() != null && s.country().country().equalsIgnoreCase(country);
    }
}
