package org.sweetie.persona;

import java.time.Clock;
import org.sweetie.core.Conversation;
import org.sweetie.core.Message;
import org.sweetie.core.Outlet;

/**
 * The one code path for everything the persona says, from the bot or an operator: the guard decides, the decision
 * is appended to the evidence log, and only an allowed draft goes out (said on the network, then stored in the
 * conversation with its author).
 */
public final class GuardedSender {
    private final EntrapmentGuard guard;
    private final DecisionLog decisions;
    private final Outlet outlet;
    private final Clock clock;

    public GuardedSender(EntrapmentGuard guard, DecisionLog decisions, Outlet outlet, Clock clock) {
        this.guard = guard;
        this.decisions = decisions;
        this.outlet = outlet;
        this.clock = clock;
    }

    /**
     * @param to the partner's name on the wire now
     * @return the guard's decision; when allowed, the line has been said and stored
     */
    public Decision send(Conversation conversation, String to, Draft draft) {
        Decision decision = guard.decide(draft);
        decisions.record(conversation, decision);
        if (decision.allowed()) {
            Message line = Message.received(clock.instant(), draft.author(), conversation.key().personaAccount(),
                    draft.text(), null, null);
            outlet.send(conversation, to, line).join();
        }
        return decision;
    }

    public EntrapmentGuard guard() {
        return guard;
    }
}
