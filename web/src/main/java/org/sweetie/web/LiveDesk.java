package org.sweetie.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The operators' desk of a live deployment, as the console sees it: the port the running deployment implements with
 * its personas' desks (take-over, guarded speech, hand-back), its hold queue and its connections. Everything said
 * here goes through the deployment's one guarded path; the console never speaks on its own.
 */
public interface LiveDesk {
    /** No deployment: the console on a store alone. */
    LiveDesk NONE = new LiveDesk() {
    };

    /** Whether a deployment is behind this desk. */
    default boolean live() {
        return false;
    }

    /** The handles of the personas with a voice here. */
    default Set<String> personas() {
        return Set.of();
    }

    /** Every network connection of the deployment and whether it is up now. */
    default List<Connection> connections() {
        return List.of();
    }

    /** @throws IllegalStateException with the reason, when another operator holds it or it is not on this desk */
    default void takeOver(long conversation, String operator) {
        throw new IllegalStateException("no live deployment: the desk is live beside 'sweetie run --console'");
    }

    /** Says a line as the operator, through the guard: allowed and said, refused, or held for a supervisor. */
    default Said say(long conversation, String operator, String text) {
        throw new IllegalStateException("no live deployment: the desk is live beside 'sweetie run --console'");
    }

    default void handBack(long conversation, String operator) {
        throw new IllegalStateException("no live deployment: the desk is live beside 'sweetie run --console'");
    }

    /** The drafts the guard held, waiting for a supervisor, oldest first. */
    default List<Held> held() {
        return List.of();
    }

    /** A supervisor (not the draft's author) approves (then it is said) or rejects a held draft. */
    default Said review(long draft, String supervisor, boolean approve, String reason) {
        throw new IllegalStateException("no live deployment: no draft is held");
    }

    /** Tells {@code changed} the conversation whose lines or state changed (on the deployment's threads). */
    default void listen(LongConsumer changed) {
    }

    /** A connection of a persona to a network. */
    record Connection(String persona, String network, boolean connected) {
    }

    /**
     * The guard's decision on a line.
     *
     * @param verdict allowed, refused or held
     * @param draft the held draft's number, or null
     */
    record Said(String verdict, String rule, String reason, Long draft) {
    }

    /** A draft waiting for a supervisor. */
    record Held(long draft, long conversation, String author, String text, String rule, String reason, Instant at) {
    }
}
