package org.sweetie.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sweetie.capture.live.Capture;
import org.sweetie.core.Retention;
import org.sweetie.identity.Minimisation;

/**
 * Applies the deployment's retention rule while a run captures: at the start and then at every interval. The plan
 * is worked out beside the capture (it reads the whole store); the deletion runs on the capture's writer between two
 * batches, after checking that no partner came back meanwhile.
 */
final class RetentionSchedule implements AutoCloseable {
    private final Workspace workspace;
    private final Capture capture;
    private final Retention rule;
    private final Duration every;
    private final Consumer<String> progress;
    private final Clock clock;
    private final CountDownLatch closing = new CountDownLatch(1);
    private Thread thread;

    RetentionSchedule(Workspace workspace, Capture capture, Retention rule, Duration every, Consumer<String> progress,
                      Clock clock) {
        this.workspace = workspace;
        this.capture = capture;
        this.rule = rule;
        this.every = every;
        this.progress = progress;
        this.clock = clock;
    }

    RetentionSchedule start() {
        thread = Thread.ofVirtual().name("sweetie-retention").start(() -> {
            try {
                do {
                    applyOnce();
                } while (!closing.await(every.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return this;
    }

    private void applyOnce() {
        Minimisation.Plan plan = Minimisation.plan(workspace.store(), rule, clock.instant());
        if (plan.purge().isEmpty()) {
            return;
        }
        try {
            capture.deleting(() -> {
                Minimisation.Plan due = Minimisation.stillDue(workspace.store(), plan);
                if (due.purge().isEmpty()) {
                    return List.of();
                }
                progress.accept("retention: " + RetentionPurge.describe(RetentionPurge.run(workspace, rule, due,
                        "sweetie run")));
                return due.purge();
            }).join();
        } catch (RuntimeException e) {
            // the next interval tries again; what is captured is not touched by a failed purge
            progress.accept("retention: purge failed, tried again in " + RetentionPurge.human(every) + ": "
                    + e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing.countDown();
        if (thread != null) {
            thread.join();
        }
    }
}
