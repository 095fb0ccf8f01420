package org.sweetie.web.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sweetie.core.User;

/**
 * The open sessions, in memory (a restart logs everyone out). Ids and CSRF tokens are 256 random bits each. A session
 * ends when idle for longer than the idle timeout, at logout, or when its user is disabled; logging in makes a new
 * session, so an id seen before login is worth nothing after it.
 */
public final class Sessions {
    /** The idle timeout unless the deployment sets another. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    /** Open sessions at most: each visit to the login page makes one, so they must be bounded. */
    static final int MOST = 10_000;

    private final Clock clock;
    private final Duration idle;
    private final SecureRandom random;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    public Sessions(Clock clock, Duration idle, SecureRandom random) {
        this.clock = clock;
        this.idle = idle;
        this.random = random;
    }

    public Duration idle() {
        return idle;
    }

    /** A session for someone not logged in yet: it carries the login form's CSRF token. */
    public Session anonymous() {
        return open(null, null);
    }

    /** Ends the session the login came from and opens the user's. */
    public Session signIn(Session before, User user) {
        end(before);
        return open(user.name(), user.role());
    }

    /** The open session with this id, marked as seen now; empty when there is none or it was idle too long. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = open.get(id);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, now)) {
            open.remove(id);
            return Optional.empty();
        }
        session.seen(now);
        return Optional.of(session);
    }

    public void end(Session session) {
        if (session != null) {
            open.remove(session.id());
        }
    }

    /** Ends every session of a user (when the user is disabled). */
    public void endAllOf(String user) {
        open.values().removeIf(s -> user.equals(s.user()));
    }

    int size() {
        return open.size();
    }

    private Session open(String user, org.sweetie.core.Role role) {
        Instant now = clock.instant();
        if (open.size() >= MOST) {
            open.values().removeIf(s -> expired(s, now));
        }
        if (open.size() >= MOST) {
            // full of live sessions: the least recently seen one that is not logged in makes room
            open.values().stream().filter(s -> !s.loggedIn()).min(Comparator.comparing(Session::lastSeen))
                    .ifPresent(this::end);
        }
        Session session = new Session(token(), token(), user, role, now);
        open.put(session.id(), session);
        return session;
    }

    private boolean expired(Session session, Instant now) {
        return session.lastSeen().plus(idle).isBefore(now);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
