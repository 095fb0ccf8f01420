package org.sweetie.persona;

import java.time.Clock;
import org.sweetie.core.Conversation;
import org.sweetie.core.Message;
import org.sweetie.core.Outlet;

/**
 * The one code path for everything the persona says, from the bot or an operator: the guard decides, the decision
 * is appended to the evidence log, and only an allowed draft goes out (said on the network, then stored in the
 * conversation with its author). A held draft waits in the hold queue until a supervisor, not its author, approves
 * it (then it goes out by this same path) or rejects it; either decision is evidence too.
 */
public final class GuardedSender {
    private final EntrapmentGuard guard;
    private final DecisionLog decisions;
    private final Outlet outlet;
    private final Clock clock;
    private final HoldQueue holds;

    public GuardedSender(EntrapmentGuard guard, DecisionLog decisions, Outlet outlet, Clock clock, HoldQueue holds) {
        this.guard = guard;
        this.decisions = decisions;
        this.outlet = outlet;
        this.clock = clock;
        this.holds = holds;
    }

    /**
     * @param to the partner's name on the wire now
     * @return the guard's decision; when allowed, the line has been said and stored; when held, it waits in the queue
     */
    public Decision send(Conversation conversation, String to, Draft draft) {
        Decision decision = guard.decide(draft);
        decisions.record(conversation, decision);
        if (decision.allowed()) {
            say(conversation, to, draft);
        } else if (decision.held()) {
            holds.hold(conversation, to, decision, clock.instant(), this);
        }
        return decision;
    }

    /**
     * A supervisor's decision on a held draft: approved, it is said; rejected, it never is. The supervisor must not be
     * the operator who wrote it.
     *
     * @throws IllegalStateException when no draft with that number waits, or the supervisor wrote it
     */
    public static Decision review(HoldQueue holds, long id, String supervisor, boolean approve, String reason) {
        HoldQueue.Held waiting = holds.find(id).orElseThrow(() -> new IllegalStateException("no held draft #" + id
                + " is waiting (decided already, or never held)"));
        String author = waiting.draft().author().operatorId();
        if (supervisor.equals(author)) {
            throw new IllegalStateException("draft #" + id + " was written by " + author
                    + ": a second person must review it");
        }
        HoldQueue.Held held = holds.take(id).orElseThrow(() -> new IllegalStateException("draft #" + id
                + " was decided by someone else just now"));
        String verb = approve ? "approved" : "rejected";
        Decision decision = new Decision(held.draft(), approve ? Decision.Outcome.ALLOWED : Decision.Outcome.REFUSED,
                "supervisor", verb + " by " + supervisor + " (held draft #" + id + ", " + held.decision().rule()
                        + "): " + reason.strip());
        GuardedSender sender = held.sender();
        sender.decisions.record(held.conversation(), decision);
        if (approve) {
            sender.say(held.conversation(), held.to(), held.draft());
        }
        return decision;
    }

    private void say(Conversation conversation, String to, Draft draft) {
        Message line = Message.received(clock.instant(), draft.author(), conversation.key().personaAccount(),
                draft.text(), null, null);
        outlet.send(conversation, to, line).join();
    }

    public EntrapmentGuard guard() {
        return guard;
    }

    public HoldQueue holds() {
        return holds;
    }
}
