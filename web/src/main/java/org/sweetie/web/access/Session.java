package org.sweetie.web.access;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sweetie.core.Role;

/**
 * One browser's session: its id (the cookie), its CSRF token, and the user once logged in (before that the session
 * only carries the login form's token). Also what the session remembers between pages: a message for the next page
 * and the analyst's recent searches, which stay here so that what was searched for never appears in a URL.
 */
public final class Session {
    private static final int SEARCHES_KEPT = 20;

    private final String id;
    private final String csrf;
    private final String user;
    private final Role role;
    private volatile Instant lastSeen;
    private String flash;
    private final Map<String, Object> searches = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > SEARCHES_KEPT;
        }
    };

    Session(String id, String csrf, String user, Role role, Instant now) {
        this.id = id;
        this.csrf = csrf;
        this.user = user;
        this.role = role;
        this.lastSeen = now;
    }

    public String id() {
        return id;
    }

    public String csrf() {
        return csrf;
    }

    /** The logged-in user's name, or null before login. */
    public String user() {
        return user;
    }

    public Role role() {
        return role;
    }

    public boolean loggedIn() {
        return user != null;
    }

    /** Whether a form's token is this session's, compared in constant time. */
    public boolean acceptsToken(String token) {
        return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void seen(Instant now) {
        lastSeen = now;
    }

    /** Leaves a message for the next page shown. */
    public synchronized void flash(String message) {
        flash = message;
    }

    /** The message left for this page, once; null when there is none. */
    public synchronized String takeFlash() {
        String message = flash;
        flash = null;
        return message;
    }

    /** Keeps a search under a key (the key may go in a URL; the search does not). */
    public synchronized void keep(String key, Object search) {
        searches.put(key, search);
    }

    public synchronized <T> Optional<T> kept(String key, Class<T> type) {
        Object search = searches.get(key);
        return type.isInstance(search) ? Optional.of(type.cast(search)) : Optional.empty();
    }
}
