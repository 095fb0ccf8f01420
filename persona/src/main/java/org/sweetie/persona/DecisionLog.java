package org.sweetie.persona;

import org.sweetie.core.Conversation;

/** Where the guard's decisions go: the evidence log, with the draft, the author and the rule. */
@FunctionalInterface
public interface DecisionLog {
    void record(Conversation conversation, Decision decision);
}
