package org.sweetie.capture.live.config;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When the persona is "at the keyboard", in her cover's time zone (a ten-year-old is at school in the morning).
 * Capture runs around the clock; the responder answers only within these hours. A range that ends before it
 * starts runs over midnight.
 */
public record OperatingHours(LocalTime from, LocalTime to, ZoneId zone) {
    public static final OperatingHours ALWAYS = new OperatingHours(LocalTime.MIN, LocalTime.MAX, ZoneId.of("UTC"));

    public OperatingHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
    }

    public boolean isOpen(Instant when) {
        LocalTime local = when.atZone(zone).toLocalTime();
        return from.isBefore(to) ? !local.isBefore(from) && local.isBefore(to)
                : !local.isBefore(from) || local.isBefore(to);
    }
}
