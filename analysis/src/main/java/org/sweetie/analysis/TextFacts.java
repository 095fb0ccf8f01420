package org.sweetie.analysis;

import java.util.List;
import java.util.Set;
import org.sweetie.core.Identifier;
import org.sweetie.core.Topic;

/**
 * What the analysis reads in one text on its own, without a conversation: the topics it raises (as the engine
 * attributes initiation), secrecy, a sum of money, and the identifiers in it. The entrapment guard reads drafts
 * with it, so a draft is judged by the same reading as the partner's messages.
 *
 * @param amount the sum of money as written, or null
 */
public record TextFacts(Set<Topic> topics, boolean secrecy, String amount, List<Identifier> identifiers) {
    public TextFacts {
        topics = Set.copyOf(topics);
        identifiers = List.copyOf(identifiers);
    }
}
