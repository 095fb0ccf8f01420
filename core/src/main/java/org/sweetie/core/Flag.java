package org.sweetie.core;

import java.util.Objects;

/**
 * What the analysis established at a message, kept with the conversation for the other capabilities (responder,
 * identity, referral) and appended to the evidence log.
 *
 * @param seq the sequence number of the message that established it
 * @param kind {@code stage}, {@code qualified}, {@code initiated} or {@code identifier}
 * @param value what: the stage, the level (solicitation, wcst), the topic, or the identifier type
 * @param detail more: the span of the text that shows a stage, who raised a topic, an identifier's normalised form
 */
public record Flag(long seq, String kind, String value, String detail) {
    public Flag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        detail = detail == null ? "" : detail;
    }
}
