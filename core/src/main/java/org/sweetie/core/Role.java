package org.sweetie.core;

import java.util.Locale;
import java.util.Optional;

/**
 * What a console user may do (docs/console.md). Operators work the desk and read the conversations on it; analysts
 * read every conversation and decide on suspects but never send; supervisors see what analysts see and the audit;
 * admins manage users and read the audit, and never see conversation content.
 */
public enum Role {
    OPERATOR, ANALYST, SUPERVISOR, ADMIN;

    /** The role as people write it: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a word names (any case), or empty when it names none. */
    public static Optional<Role> of(String word) {
        for (Role role : values()) {
            if (role.key().equalsIgnoreCase(word == null ? "" : word.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
