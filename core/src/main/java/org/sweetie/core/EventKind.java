package org.sweetie.core;

/** What else than a message was captured in a conversation. */
public enum EventKind {
    JOIN,
    PART,
    QUIT,
    NICK_CHANGE,
    WHOIS,
    /** Anything else the source reported (mode changes, notices from the server, ...), kept as text. */
    OTHER
}
