package org.sweetie.evidence;

import java.time.Duration;

/**
 * When a checkpoint is signed besides on every export: after {@code everyEntries} new entries, or when
 * {@code everyTime} has passed since the last one and there are new entries.
 */
public record CheckpointPolicy(long everyEntries, Duration everyTime) {
    public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(10_000, Duration.ofMinutes(5));

    public CheckpointPolicy {
        if (everyEntries < 1 || everyTime.isNegative() || everyTime.isZero()) {
            throw new IllegalArgumentException("checkpoints need a positive entry count and time");
        }
    }
}
