package org.sweetie.core;

import java.util.Objects;

/**
 * An identifier a partner revealed, with where it came from: the message (0-based index among the conversation's
 * messages) and the character span in its text.
 *
 * @param value as written
 * @param normalized canonical form: E.164 for phones, lower case for emails and handles (without a leading @; Cash
 *     App keeps its $)
 */
public record Identifier(IdentifierType type, String value, String normalized, int message, int start, int end) {
    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(normalized, "normalized");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
