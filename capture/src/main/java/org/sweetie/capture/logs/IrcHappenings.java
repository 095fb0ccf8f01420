package org.sweetie.capture.logs;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sweetie.core.EventKind;

/**
 * Reads the status lines IRC clients write about people: joins, parts, quits and nick changes. WeeChat puts the
 * user@host in parentheses, irssi in square brackets; otherwise the wording is the same.
 */
final class IrcHappenings {
    private final Pattern arrival;
    private final Pattern nickChange = Pattern.compile("^(\\S+) is now known as (\\S+)$");
    private final Pattern ownNickChange = Pattern.compile("^You(?:'re| are) now known as (\\S+)$");
    /** WeeChat's answer to a line sent to someone away: "[alice] is away: gone fishing". */
    private final Pattern away = Pattern.compile("^\\[(\\S+)\\] is away: .*$");

    private IrcHappenings(char open, char close) {
        String o = Pattern.quote(String.valueOf(open));
        String c = Pattern.quote(String.valueOf(close));
        arrival = Pattern.compile("^(\\S+) " + o + "([^" + c + "]*)" + c + " has (joined|left|quit)(.*)$");
    }

    static IrcHappenings weechat() {
        return new IrcHappenings('(', ')');
    }

    static IrcHappenings irssi() {
        return new IrcHappenings('[', ']');
    }

    /** The happening a status line describes; lines of other kinds are kept as OTHER with their text. */
    Entry.Happened read(Instant time, String text) {
        Matcher m = arrival.matcher(text);
        if (m.matches()) {
            EventKind kind = switch (m.group(3)) {
                case "joined" -> EventKind.JOIN;
                case "left" -> EventKind.PART;
                default -> EventKind.QUIT;
            };
            String host = m.group(2).isBlank() ? null : m.group(2);
            return Entry.Happened.status(time, kind, m.group(1), "has " + m.group(3) + m.group(4), host, null);
        }
        m = nickChange.matcher(text);
        if (m.matches()) {
            return Entry.Happened.status(time, EventKind.NICK_CHANGE, m.group(1), "is now known as " + m.group(2), null,
                    m.group(2));
        }
        m = ownNickChange.matcher(text);
        if (m.matches()) {
            // The log's owner changed nick: the old nick is not on the line, the new one is.
            return Entry.Happened.status(time, EventKind.NICK_CHANGE, m.group(1), "log owner is now known as "
                    + m.group(1), null, m.group(1));
        }
        m = away.matcher(text);
        if (m.matches()) {
            return Entry.Happened.status(time, EventKind.OTHER, m.group(1), text, null, null);
        }
        String actor = text.isBlank() ? "" : text.strip().split("\\s+", 2)[0];
        return Entry.Happened.status(time, EventKind.OTHER, actor, text, null, null);
    }

    /** Drops the channel-mode sign a client shows before a nick (@op, +voice, ...). */
    static String withoutModeSign(String nick) {
        if (nick.length() > 1 && "@+%~&!".indexOf(nick.charAt(0)) >= 0) {
            return nick.substring(1);
        }
        return nick;
    }
}
