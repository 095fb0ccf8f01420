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
 * @param afterSeq where it happened among the messages: after the message with this seq and before the next (0:
 *        before the first). The store sets it when it stores the event, so a transcript keeps the order in which
 *        lines of the same time were captured or logged. {@link #UNPLACED} before it is stored, and for events
 *        stored before Sweetie kept it
 */
public record Event(Instant time, EventKind kind, String actor, String detail, String raw, String sourceId,
                    long afterSeq) {
    /** Not (yet) placed among the messages: shown after the messages of the same time. */
    public static final long UNPLACED = -1;

    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(detail, "detail");
        if (afterSeq < UNPLACED) {
            throw new IllegalArgumentException("afterSeq must be a message seq, 0 or UNPLACED: " + afterSeq);
        }
    }

    /** An event as it is captured, before the store places it among the messages. */
    public Event(Instant time, EventKind kind, String actor, String detail, String raw, String sourceId) {
        this(time, kind, actor, detail, raw, sourceId, UNPLACED);
    }

    /** The same event placed after the message with this seq. */
    public Event placedAfter(long seq) {
        return new Event(time, kind, actor, detail, raw, sourceId, seq);
    }

    /** True when it is known where it happened among the messages. */
    public boolean isPlaced() {
        return afterSeq != UNPLACED;
    }
}
