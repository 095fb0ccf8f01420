package org.sweetie.web.access;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sweetie.core.Printable;
import org.sweetie.core.Role;
import org.sweetie.core.User;
import org.sweetie.core.UserStore;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;

/**
 * The console's users: added with a role and a password, listed, disabled; and the check of a name and password at
 * login. One implementation for {@code sweetie users} and the console's users page; each change is audited.
 */
public final class Users {
    /** Long enough that guessing is hopeless at the login's rate limit, short enough to type. */
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 1024;

    private final UserStore store;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final Clock clock;

    public Users(UserStore store, Passwords passwords, AuditTrail audit, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a login check found: the user, or why not (for the audit; the person trying is told less). */
    public record Verdict(User user, String failure) {
        public boolean ok() {
            return user != null;
        }
    }

    /**
     * Adds a user.
     *
     * @throws IllegalArgumentException naming what is wrong: the name, the password's length, a name taken
     */
    public User add(Actor by, String name, Role role, char[] password) {
        if (!User.isName(name)) {
            throw new IllegalArgumentException("a user name is 1 to 64 of a-z, 0-9, '.', '_' and '-', not '"
                    + Printable.of(name) + "'");
        }
        if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
            throw new IllegalArgumentException("a password is " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters long, this one has " + password.length);
        }
        User user = new User(name, role, passwords.hash(password), clock.instant(), null);
        if (!store.add(user)) {
            throw new IllegalArgumentException("there is a user called " + name + " already");
        }
        audit.record(new AuditEvent(clock.instant(), by.user(), "user_added", "user " + name, by.address(),
                "role " + role.key()));
        return user;
    }

    public List<User> all() {
        return store.all();
    }

    public Optional<User> find(String name) {
        return User.isName(name) ? store.find(name) : Optional.empty();
    }

    /**
     * Disables a user: they can no longer log in, and their open sessions end at their next request.
     *
     * @throws IllegalArgumentException when there is no enabled user of that name
     */
    public void disable(Actor by, String name) {
        if (!User.isName(name) || !store.disable(name, clock.instant())) {
            throw new IllegalArgumentException("there is no enabled user called " + Printable.of(name));
        }
        audit.record(new AuditEvent(clock.instant(), by.user(), "user_disabled", "user " + name, by.address(), ""));
    }

    /** Checks a name and password; an unknown name takes as long as a wrong password. */
    public Verdict check(String name, char[] password) {
        Optional<User> user = find(name);
        if (user.isEmpty()) {
            passwords.matchesNone(password);
            return new Verdict(null, "unknown user");
        }
        if (!passwords.matches(password, user.get().passwordHash())) {
            return new Verdict(null, "wrong password");
        }
        if (!user.get().enabled()) {
            return new Verdict(null, "user disabled");
        }
        return new Verdict(user.get(), null);
    }
}
