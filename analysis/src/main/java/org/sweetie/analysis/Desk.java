package org.sweetie.analysis;

import java.util.Set;

/**
 * Whose conversations a reader may list: everyone's, or the operators' desk only (those that reached the operators
 * and those of the desk's personas).
 *
 * @param personas null: every conversation; else the desk's personas' handles
 */
public record Desk(Set<String> personas) {
    public static final Desk EVERYONE = new Desk(null);

    public Desk {
        personas = personas == null ? null : Set.copyOf(personas);
    }

    /** The operators' desk with these personas. */
    public static Desk of(Set<String> personas) {
        return new Desk(personas);
    }

    /** Whether a conversation is on it; the store decides the same in {@link #personas()}'s query. */
    public boolean shows(ConversationSummary s) {
        return personas == null || s.reachedOperators() || personas.contains(s.conversation().key().persona());
    }
}
