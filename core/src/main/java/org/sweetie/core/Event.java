package org.sweetie.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything captured in a conversation that is not a message: joins, parts, quits, nick changes, WHOIS replies.
 *
 * @param actor the nick or name the event is about
 * @param detail a human-readable description ("joined #room", "is now known as bob2", "quit: bye")
 * @param raw the protocol or log line it came from, or null
 * @param sourceId as for {@link Message#sourceId()}: makes re-import idempotent
 */
public record Event(Instant time, EventKind kind, String actor, String detail, String raw, String sourceId) {
    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(detail, "detail");
    }
}
