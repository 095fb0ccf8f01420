package org.sweetie.core;

/** What else than a message was captured in a conversation. */
public enum EventKind {
    JOIN,
    PART,
    QUIT,
    NICK_CHANGE,
    WHOIS,
    /** The partner's chat client, as it answered CTCP VERSION. */
    CLIENT_VERSION,
    /** XMPP presence: available, away, unavailable, with the full JID. */
    PRESENCE,
    /** A file transfer, DCC or out-of-band offer the protocol layer refused; nothing of it was fetched. */
    REFUSED_OFFER,
    /** A deterrence warning the persona sent, with its level. */
    WARNING,
    /** A human operator took a conversation over, or handed it back to the bot. */
    OPERATOR,
    /** The conversation's partner was marked for referral (the last warning level was reached). */
    REFERRAL,
    /** Anything else the source reported (mode changes, notices from the server, ...), kept as text. */
    OTHER
}
