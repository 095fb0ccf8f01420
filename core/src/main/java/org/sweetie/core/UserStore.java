package org.sweetie.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The console's users, kept in the same store as the conversations. A user is never deleted, only disabled. */
public interface UserStore {

    /** Adds a user; false when a user of that name exists already (enabled or not). */
    boolean add(User user);

    Optional<User> find(String name);

    /** Every user, by name. */
    List<User> all();

    /** Disables a user from that time on; false when there is no enabled user of that name. */
    boolean disable(String name, Instant when);
}
