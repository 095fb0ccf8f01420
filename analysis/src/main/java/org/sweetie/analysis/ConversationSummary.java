package org.sweetie.analysis;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.sweetie.core.Conversation;
import org.sweetie.core.Stage;

/**
 * A conversation as an analyst's list shows it: when it ran, how long it is, how far it went and where the partner
 * most likely is.
 *
 * @param first the first message's time, or null when it has none yet (events only)
 * @param last the last message's time, or null
 * @param qualification "wcst", "solicitation" or "none", as stored by the analysis
 * @param country the country attribution, or null when nothing points anywhere (or it was not worked out)
 * @param reachedOperators whether the conversation reached the human operators at some time: an operator took it
 *     over, or the bot handed it over to them (an operator event)
 */
public record ConversationSummary(Conversation conversation, Instant first, Instant last, int messages, int events,
                                  Set<Stage> stages, String qualification, CountryAttribution country,
                                  boolean reachedOperators) {
    public ConversationSummary {
        Objects.requireNonNull(conversation, "conversation");
        stages = Set.copyOf(stages);
        Objects.requireNonNull(qualification, "qualification");
    }

    ConversationSummary withCountry(CountryAttribution attribution) {
        return new ConversationSummary(conversation, first, last, messages, events, stages, qualification,
                attribution, reachedOperators);
    }

    public long id() {
        return conversation.id();
    }
}
