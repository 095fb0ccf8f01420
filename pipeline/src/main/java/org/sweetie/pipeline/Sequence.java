package org.sweetie.pipeline;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A node's record numbers: they only grow, also across restarts, without a file to keep. A node starts counting at
 * its start time in microseconds, so a restarted node numbers above everything it published before unless it
 * published more than a million records a second on average since (far beyond a node's rate), or the clock went
 * back. The number makes a record's idempotency key together with the node's name.
 */
final class Sequence {
    private final AtomicLong next;

    Sequence(LongSupplier epochMillis) {
        this.next = new AtomicLong(epochMillis.getAsLong() * 1_000);
    }

    long next() {
        return next.incrementAndGet();
    }
}
