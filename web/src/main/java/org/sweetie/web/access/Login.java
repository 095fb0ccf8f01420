package org.sweetie.web.access;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.sweetie.core.User;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;

/**
 * A login attempt: refused without looking at the password while the name or the address must wait (the throttle),
 * else checked; every attempt, successful or not, is audited with the reason.
 */
public final class Login {
    private final Users users;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;

    public Login(Users users, LoginThrottle throttle, AuditTrail audit, Clock clock) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** What came of an attempt. */
    public sealed interface Outcome {
        /** Logged in. */
        record Welcome(User user) implements Outcome {
        }

        /** Wrong name or password (the person is not told which). */
        record Refused() implements Outcome {
        }

        /** Too many failures: try again after this long. */
        record Wait(Duration duration) implements Outcome {
        }
    }

    public Outcome attempt(String name, char[] password, String address) {
        String tried = tried(name);
        Duration wait = max(throttle.waitFor(userKey(tried)), throttle.waitFor(addressKey(address)));
        if (!wait.isZero()) {
            record(tried, "login_failed", address, "throttled: " + wait.toSeconds() + " s to wait");
            return new Outcome.Wait(wait);
        }
        Users.Verdict verdict = users.check(tried, password);
        if (!verdict.ok()) {
            throttle.failed(userKey(tried));
            throttle.failed(addressKey(address));
            record(tried, "login_failed", address, verdict.failure());
            return new Outcome.Refused();
        }
        throttle.succeeded(userKey(tried));
        throttle.succeeded(addressKey(address));
        record(tried, "login", address, "");
        return new Outcome.Welcome(verdict.user());
    }

    /** Records a logout. */
    public void logout(String user, String address) {
        record(user, "logout", address, "");
    }

    /** The name as tried, in the form names are kept, and short enough for the audit. */
    private static String tried(String name) {
        String folded = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return folded.length() > 64 ? folded.substring(0, 64) : folded;
    }

    private void record(String user, String action, String address, String detail) {
        audit.record(new AuditEvent(clock.instant(), user, action, "", address, detail));
    }

    private static String userKey(String name) {
        return "user " + name;
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
