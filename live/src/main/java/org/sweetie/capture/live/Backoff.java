package org.sweetie.capture.live;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnection delays: doubling from {@code first} up to {@code max}, with jitter so that many personas cut off by
 * one outage do not all knock at the same second. Reset once a connection is up.
 */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private int failures;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    public synchronized Duration next() {
        long base = Math.min(max.toMillis(), first.toMillis() << Math.min(failures, 20));
        failures++;
        long jitter = base / 4 == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 4);
        return Duration.ofMillis(base - base / 8 + jitter);
    }

    public synchronized void reset() {
        failures = 0;
    }
}
