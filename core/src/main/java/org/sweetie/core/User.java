package org.sweetie.core;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person who may use the console.
 *
 * @param name lower-case letters, digits, '.', '_' and '-', 1 to 64 of them: a name that is the same however it is
 *     typed or shown, and safe to print anywhere
 * @param passwordHash the password's hash in the PHC string form (never the password)
 * @param disabledAt when the user was disabled, or null while the user may log in
 */
public record User(String name, Role role, String passwordHash, Instant createdAt, Instant disabledAt) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");

    public User {
        if (!isName(name)) {
            throw new IllegalArgumentException("a user name is 1 to 64 of a-z, 0-9, '.', '_' and '-', not '"
                    + Printable.of(name) + "'");
        }
        Objects.requireNonNull(role, "role");
        Text.requireNonBlank(passwordHash, "password hash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public boolean enabled() {
        return disabledAt == null;
    }
}
