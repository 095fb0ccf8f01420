package org.sweetie.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a chat network reported about a partner, in the network's own terms (nicks, JIDs, channel names).
 * The capture pipeline turns it into accounts, conversations, messages and events.
 */
public sealed interface Inbound {

    Instant time();

    /** The partner's name on the wire when it happened (IRC nick, XMPP bare JID or room nick). */
    String partner();

    /**
     * A line a partner said to the persona: in private (channel null) or in a channel, addressed to or about the
     * persona.
     *
     * @param host user@host on IRC, full JID on XMPP; null when the line did not carry it
     * @param sourceId what makes a second delivery of the same line recognisable (XMPP: stanza id, full JID and
     *     body hash), or null
     * @param delayStamp when the partner sent it, when a server kept it and says so (XEP-0203), else null
     */
    record Said(Instant time, String partner, String channel, String text, String host, String raw, String sourceId,
                Instant delayStamp) implements Inbound {
        public Said {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(partner, "partner");
            Objects.requireNonNull(text, "text");
        }

        /** A line that came as it was sent. */
        public Said(Instant time, String partner, String channel, String text, String host, String raw,
                    String sourceId) {
            this(time, partner, channel, text, host, raw, sourceId, null);
        }
    }

    /**
     * A join, part, quit, WHOIS reply, client version, presence change or refused offer concerning a partner.
     *
     * @param channel where it happened, or null (quits, WHOIS, private offers)
     */
    record Happened(Instant time, String partner, String channel, EventKind kind, String detail, String host,
                    String raw) implements Inbound {
        public Happened {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(partner, "partner");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** A partner took a new nick: one person keeps one account. */
    record NickChanged(Instant time, String partner, String newNick, String host, String raw) implements Inbound {
        public NickChanged {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(partner, "partner");
            Objects.requireNonNull(newNick, "newNick");
        }
    }
}
