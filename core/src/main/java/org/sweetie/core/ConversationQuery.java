package org.sweetie.core;

import java.time.Instant;
import java.util.Set;

/**
 * Which conversations a list asks the store for, on what the store keeps of each (its summary): the criteria the
 * store can decide without reading the conversation. A null criterion is not applied.
 *
 * @param stages stages the conversation must all have reached
 * @param qualified "wcst" (qualified as WCST), "any" or "solicitation" (qualified at all); null: not filtered
 * @param since the conversation's last message is at or after this
 * @param until the conversation's first message is at or before this
 * @param partnerHandle the partner account's handle, folded ({@link Account#handleOf})
 * @param network the network's name, ignoring ASCII case
 * @param persona the persona's handle, ignoring ASCII case
 * @param desk null: every conversation; else only those that reached the operators or are of one of these
 *     personas (exact handles)
 * @param identifier an identifier the analysis found in the conversation, whole and ignoring case
 *     ({@link SearchTerms#identifier}); found through the store's search index, as the stored one is sealed
 * @param text words that were all written in the conversation, whole ({@link SearchTerms#words}; "sexy show" finds
 *     a conversation with both words, "sex" does not find "sexy"); found through the store's search index
 */
public record ConversationQuery(Set<Stage> stages, String qualified, Instant since, Instant until,
                                String partnerHandle, String network, String persona, Set<String> desk,
                                String identifier, String text) {
    public static final ConversationQuery ALL = new ConversationQuery(Set.of(), null, null, null, null, null, null,
            null);

    /** A query on the summaries alone, without search. */
    public ConversationQuery(Set<Stage> stages, String qualified, Instant since, Instant until, String partnerHandle,
                             String network, String persona, Set<String> desk) {
        this(stages, qualified, since, until, partnerHandle, network, persona, desk, null, null);
    }

    public ConversationQuery {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        if (qualified != null && !Set.of("any", "solicitation", "wcst").contains(qualified)) {
            throw new IllegalArgumentException("qualified must be any, solicitation or wcst, not '" + qualified + "'");
        }
        desk = desk == null ? null : Set.copyOf(desk);
        identifier = identifier == null || identifier.isBlank() ? null : identifier;
        text = text == null || SearchTerms.words(text).isEmpty() ? null : text;
    }
}
