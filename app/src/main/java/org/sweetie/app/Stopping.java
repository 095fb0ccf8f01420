package org.sweetie.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C for a command that runs until stopped (run, a capture node, the writer, the console): the JVM's shutdown
 * waits, up to a grace period, until this is closed, so what the command holds (a capture queue, records for Kafka,
 * a batch in hand) reaches the store before the process ends. Open it first and close it last.
 */
final class Stopping implements AutoCloseable {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    Stopping(Duration grace) {
        hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(grace.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits for Ctrl-C or the thread's interruption. */
    void await() {
        try {
            stop.await();
        } catch (InterruptedException e) {
            // an interruption is a request to stop, handled by returning: kept set, it would fail the closing
        }
    }

    /**
     * Waits until the duration has passed (null: no limit), {@code done} holds or Ctrl-C comes, calling
     * {@code every} at each interval meanwhile (the progress lines).
     */
    void runFor(Duration duration, Duration interval, BooleanSupplier done, Runnable every)
            throws InterruptedException {
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end && !stop.await(
                Math.min(interval.toNanos(), Math.max(1, end - System.nanoTime())), TimeUnit.NANOSECONDS)) {
            every.run();
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook is running and waits for us
        }
    }
}
