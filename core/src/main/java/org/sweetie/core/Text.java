package org.sweetie.core;

import java.util.Locale;

/** Small checks on text values shared by the domain records. */
final class Text {
    private Text() {
    }

    static String requireNonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /**
     * Case-folds a handle the way IRC servers compare nicks (RFC 1459 casemapping: []\~ are the upper case of {}|^),
     * so that "Alice[1]" and "alice{1}" are one account. XMPP bare JIDs are case-insensitive too.
     */
    static String foldHandle(String handle) {
        String lower = requireNonBlank(handle, "handle").strip().toLowerCase(Locale.ROOT);
        return lower.replace('[', '{').replace(']', '}').replace('\\', '|').replace('~', '^');
    }
}
