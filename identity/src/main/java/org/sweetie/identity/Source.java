package org.sweetie.identity;

/**
 * Where a link or identifier was seen: the conversation and the message (its sequence number; 0 when it came from
 * network data such as a user@host or a nick change event rather than a message).
 */
public record Source(long conversationId, long seq) {
}
