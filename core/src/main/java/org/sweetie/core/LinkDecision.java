package org.sweetie.core;

import java.time.Instant;
import java.util.Objects;

/**
 * An analyst's decision on a suspect link: that the key (an identifier, a user@host, a nick change) does or does
 * not tie this account to the others. Rejections are applied whenever suspects are linked; every decision is
 * also evidence.
 *
 * @param decision "confirm" or "reject"
 */
public record LinkDecision(Instant time, String analyst, String decision, String keyKind, String keyValue,
                           String network, String handle, String note) {
    public LinkDecision {
        Objects.requireNonNull(time, "time");
        analyst = Text.requireNonBlank(analyst, "analyst");
        if (!decision.equals("confirm") && !decision.equals("reject")) {
            throw new IllegalArgumentException("a link decision is confirm or reject, not " + decision);
        }
        Objects.requireNonNull(keyKind, "keyKind");
        Objects.requireNonNull(keyValue, "keyValue");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(handle, "handle");
        note = note == null ? "" : note;
    }
}
