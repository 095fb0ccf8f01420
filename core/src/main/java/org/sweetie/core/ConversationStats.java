package org.sweetie.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the store keeps up to date about a conversation as it grows, so that lists need not read it.
 *
 * @param first the first message's time (lowest sequence number), or null when it has none
 * @param last the last message's time (highest sequence number), or null
 * @param qualification "wcst" when any qualified flag says so, else the last qualified flag's value, else "none"
 * @param reachedOperators whether it has an operator event
 */
public record ConversationStats(Conversation conversation, Instant first, Instant last, int messages, int events,
                                Set<Stage> stages, String qualification, boolean reachedOperators) {
    public ConversationStats {
        Objects.requireNonNull(conversation, "conversation");
        stages = Set.copyOf(stages);
        Objects.requireNonNull(qualification, "qualification");
    }
}
