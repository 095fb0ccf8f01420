package org.sweetie.capture.live;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline: tests never sleep a fixed time. */
public final class Deadline {
    private Deadline() {
    }

    public static void await(String what, Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10); // polling interval, not a wait for something to happen
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
