package org.sweetie.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.Message;
import org.sweetie.core.Retention;

/**
 * Which conversations a retention rule deletes now: one plan for `sweetie purge` and for the schedule of
 * `sweetie run`. Deleting them (and recording that in the evidence log) is the caller's.
 */
public final class Minimisation {
    private Minimisation() {
    }

    /**
     * @param purge the conversations to delete
     * @param kept how many conversations were kept for their partner (a suspect worth keeping)
     * @param cutoff conversations quiet since before this are due
     */
    public record Plan(List<Long> purge, int kept, Instant cutoff) {
        public Plan {
            purge = List.copyOf(purge);
        }
    }

    public static Plan plan(ConversationStore store, Retention rule, Instant now) {
        Instant cutoff = now.minus(rule.after());
        Set<Long> keep = new HashSet<>();
        for (Profile p : Suspects.read(store)) {
            if (worthKeeping(store, p, rule.keep())) {
                keep.addAll(p.conversations());
            }
        }
        List<Long> purge = new ArrayList<>();
        for (Conversation c : store.conversations()) {
            if (!keep.contains(c.id()) && lastActivity(store, c.id()).map(t -> t.isBefore(cutoff)).orElse(true)) {
                purge.add(c.id());
            }
        }
        return new Plan(purge, keep.size(), cutoff);
    }

    /**
     * The part of a plan still due: a partner may have come back between the plan and the deletion (a running
     * capture), and his conversation is then kept.
     */
    public static Plan stillDue(ConversationStore store, Plan plan) {
        return new Plan(plan.purge().stream().filter(id -> lastActivity(store, id)
                .map(t -> t.isBefore(plan.cutoff())).orElse(true)).toList(), plan.kept(), plan.cutoff());
    }

    private static boolean worthKeeping(ConversationStore store, Profile p, Retention.Keep keep) {
        if (!p.qualification().equals("none") || p.suspect().accounts().size() > 1) {
            return true;
        }
        return keep == Retention.Keep.STAGED && p.conversations().stream().anyMatch(id -> store.flags(id).stream()
                .anyMatch(f -> f.kind().equals("stage")));
    }

    /**
     * The conversation's last activity: its last line or event, or when Sweetie last stored something of it if that
     * is later. Logs imported today count from today, however old their lines: retention is about how long Sweetie
     * has held them, not how old they were when they came.
     */
    private static Optional<Instant> lastActivity(ConversationStore store, long id) {
        return java.util.stream.Stream.of(
                        store.messages(id).stream().map(Message::time).max(Instant::compareTo),
                        store.events(id).stream().map(Event::time).max(Instant::compareTo),
                        store.storedAt(id))
                .flatMap(Optional::stream).max(Instant::compareTo);
    }
}
