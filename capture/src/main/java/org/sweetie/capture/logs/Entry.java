package org.sweetie.capture.logs;

import java.time.Instant;
import org.sweetie.core.Author;
import org.sweetie.core.EventKind;
import org.sweetie.core.Network;

/** What one log line says, before it is known which conversation it belongs to. */
sealed interface Entry {

    /**
     * A line someone said. Actions (/me) keep their "/me " prefix so a transcript shows them as such.
     *
     * @param author who typed it when the log says so (Sweetie's own format); null to tell by the persona's nicks
     * @param target the conversation the log names per line (Sweetie's own format); null for the file's own
     * @param raw the protocol line when the log keeps it; null to keep the log line itself
     * @param sourceId the source's own id when the log has one; null to derive one from the line
     */
    record Said(Instant time, String nick, String text, Author author, Target target, String raw, String sourceId)
            implements Entry {
        Said(Instant time, String nick, String text) {
            this(time, nick, text, null, null, null, null);
        }
    }

    /**
     * A join, part, quit, nick change or other happening.
     *
     * @param host user@host when the line gives it, else null
     * @param newNick for a nick change, the nick taken; else null
     */
    record Happened(Instant time, EventKind kind, String nick, String detail, String host, String newNick,
                    Target target, String raw) implements Entry {
        /** A status line of an IRC client's log, which belongs to the file's conversation. */
        static Happened status(Instant time, EventKind kind, String nick, String detail, String host, String newNick) {
            return new Happened(time, kind, nick, detail, host, newNick, null, null);
        }
    }

    /** A line that only carries context for the lines after it (irssi's "Log opened" and "Day changed"). */
    record Context() implements Entry {
    }

    /**
     * A line the client wrote about itself, not about anyone in the conversation: log banners (WeeChat's
     * "****  Beginning of log  ****", irssi's "--- Log closed"), irssi's "Irssi: Starting query in ..." and WeeChat's
     * "irc: disconnected from server". Not stored; the import counts them.
     */
    record ClientStatus() implements Entry {
    }

    /**
     * Where a log says lines were: on a network, in a channel (null for private) with a partner. A channel log
     * names no partner: who it is depends on whom each line addresses.
     */
    record Target(Network network, String channel, String partner) {
        static boolean isChannelName(String name) {
            return !name.isEmpty() && "#&+!".indexOf(name.charAt(0)) >= 0;
        }
    }
}
