package org.sweetie.core;

import java.util.Objects;

/** A stored conversation: its store id and what it is between. */
public record Conversation(long id, ConversationKey key) {
    public Conversation {
        Objects.requireNonNull(key, "key");
    }

    /** A short label for people: "libera: alice" or "libera #room: alice". */
    public String label() {
        return key.network().name() + (key.isPrivate() ? "" : " " + key.channel()) + ": " + key.partnerAccount();
    }
}
