package org.sweetie.persona;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sweetie.core.Conversation;

/**
 * Drafts the guard held: not known to be safe, they wait for a supervisor (a second person) to approve or reject
 * them. One queue serves every persona of a deployment, so a draft's number names it. The hold itself, and the
 * supervisor's decision, are evidence entries (through the sender's decision log); the queue is only the waiting room.
 */
public final class HoldQueue {
    /** A held draft: who it was for, what was said, and when it was held. */
    public record Held(long id, Conversation conversation, String to, Draft draft, Decision decision, Instant at,
                       GuardedSender sender) {
    }

    private final Map<Long, Held> waiting = new LinkedHashMap<>();
    private long next = 1;

    synchronized Held hold(Conversation conversation, String to, Decision decision, Instant at, GuardedSender sender) {
        Held held = new Held(next++, conversation, to, decision.draft(), decision, at, sender);
        waiting.put(held.id(), held);
        return held;
    }

    /** The drafts still waiting, oldest first. */
    public synchronized List<Held> waiting() {
        return new ArrayList<>(waiting.values());
    }

    /** The waiting draft with this number, if it is still waiting. */
    public synchronized Optional<Held> find(long id) {
        return Optional.ofNullable(waiting.get(id));
    }

    /** Takes a draft out of the queue for a supervisor's decision; empty when another decision came first. */
    synchronized Optional<Held> take(long id) {
        return Optional.ofNullable(waiting.remove(id));
    }

    /** The number of a held draft, for the one who wrote it. */
    public synchronized Optional<Long> idOf(Draft draft) {
        return waiting.values().stream().filter(h -> h.draft() == draft).map(Held::id).findFirst();
    }
}
