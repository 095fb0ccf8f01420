package org.sweetie.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One line said in a conversation.
 *
 * @param seq position in the conversation, from 1, assigned by the store in the order received; {@link #UNSEQUENCED}
 *     on a message that is not stored yet
 * @param sender the nick or name the author used on the wire when saying it
 * @param raw the protocol or log line it came from, when there is one, else null
 * @param sourceId a key from the source that is unique within the conversation (a log line's fingerprint, a stanza
 *     id); a second message with the same source id is not stored again, which makes re-import and re-delivery
 *     idempotent. Null when the source has none.
 * @param delayStamp when the partner sent it, by the delay stamp (XEP-0203) of a line a server kept and delivered
 *     later (XMPP offline storage); null when the line came as it was sent. {@code time} stays the time received.
 */
public record Message(long seq, Instant time, Author author, String sender, String text, String raw,
                      String sourceId, Instant delayStamp) {
    public static final long UNSEQUENCED = 0;

    public Message {
        if (seq < 0) {
            throw new IllegalArgumentException("negative sequence number " + seq);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
    }

    /** A message with no delay stamp. */
    public Message(long seq, Instant time, Author author, String sender, String text, String raw, String sourceId) {
        this(seq, time, author, sender, text, raw, sourceId, null);
    }

    /** A message as received, before the store gives it its place. */
    public static Message received(Instant time, Author author, String sender, String text, String raw,
                                   String sourceId) {
        return new Message(UNSEQUENCED, time, author, sender, text, raw, sourceId);
    }

    /** A message as received that the server kept for a while: {@code delayStamp} is when the partner sent it. */
    public static Message received(Instant time, Author author, String sender, String text, String raw,
                                   String sourceId, Instant delayStamp) {
        return new Message(UNSEQUENCED, time, author, sender, text, raw, sourceId, delayStamp);
    }

    public Direction direction() {
        return author.direction();
    }

    public Message withSeq(long newSeq) {
        return new Message(newSeq, time, author, sender, text, raw, sourceId, delayStamp);
    }
}
