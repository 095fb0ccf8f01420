package org.sweetie.persona;

import java.time.Duration;
import java.util.Objects;

/**
 * What the bot does when a conversation qualifies (configurable per deployment).
 *
 * @param mode WARN: send the next warning level and stop engaging; HANDOVER: hand the conversation to a human
 *     operator instead; IDENTIFY: no warning, keep drawing out who the partner is
 * @param returnGap a partner who writes again after this long since the warning (or after leaving and coming
 *     back) has returned, and gets the next level
 */
public record Deterrence(Mode mode, Duration returnGap) {
    public enum Mode { WARN, HANDOVER, IDENTIFY }

    public static final Deterrence DEFAULT = new Deterrence(Mode.WARN, Duration.ofMinutes(30));

    public Deterrence {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(returnGap, "returnGap");
    }
}
