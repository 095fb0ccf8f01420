package org.sweetie.web.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows password guessing: after {@value #FREE_FAILURES} failed logins for a key (a user name, an address) each
 * further try must wait, {@link #FIRST_WAIT} after the fifth failure and twice as long after each one more, up to
 * {@link #LONGEST_WAIT}. A success clears the key; failures older than {@link #MEMORY} are forgotten.
 */
public final class LoginThrottle {
    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    public static final Duration MEMORY = Duration.ofHours(1);
    /** Keys kept before the forgotten ones are swept out: bounds the memory an attacker can make us use. */
    private static final int SWEEP_AT = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new HashMap<>();

    private record Failures(int count, Instant last, Instant until) {
    }

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a key must still wait before its next try; zero when it may try now. */
    public synchronized Duration waitFor(String key) {
        Failures f = current(key);
        if (f == null || f.until() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.until());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public synchronized void failed(String key) {
        Instant now = clock.instant();
        Failures before = current(key);
        int count = before == null ? 1 : before.count() + 1;
        Instant until = count < FREE_FAILURES ? null : now.plus(wait(count));
        if (failures.size() >= SWEEP_AT) {
            failures.values().removeIf(f -> f.last().plus(MEMORY).isBefore(now) && !isWaiting(f, now));
        }
        failures.put(key, new Failures(count, now, until));
    }

    public synchronized void succeeded(String key) {
        failures.remove(key);
    }

    private Failures current(String key) {
        Failures f = failures.get(key);
        Instant now = clock.instant();
        if (f != null && f.last().plus(MEMORY).isBefore(now) && !isWaiting(f, now)) {
            failures.remove(key);
            return null;
        }
        return f;
    }

    private static boolean isWaiting(Failures f, Instant now) {
        return f.until() != null && f.until().isAfter(now);
    }

    private static Duration wait(int count) {
        int doublings = Math.min(count - FREE_FAILURES, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
