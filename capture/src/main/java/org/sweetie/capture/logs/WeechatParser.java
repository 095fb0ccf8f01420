package org.sweetie.capture.logs;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * WeeChat's logger format: {@code YYYY-MM-DD HH:MM:SS<TAB>prefix<TAB>text}. The prefix is the nick (with a mode
 * sign), {@code -->} for joins, {@code <--} for parts and quits, {@code --} for network notices, {@code *} for
 * actions. With {@code logger.file.info_lines} on, WeeChat also writes {@code DATE TIME<TAB>****  Beginning of log
 * ****} (one tab only) when it opens a log and "End of log" when it closes one; those, and the irc plugin's own
 * {@code --<TAB>irc: disconnected from server}, are the client's status, not the conversation's.
 */
final class WeechatParser implements LineParser {
    private static final Entry.ClientStatus CLIENT_STATUS = new Entry.ClientStatus();

    private final ZoneId zone;
    private final IrcHappenings happenings = IrcHappenings.weechat();

    WeechatParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Entry parse(String line) throws MalformedLineException {
        int tab1 = line.indexOf('\t');
        int tab2 = tab1 < 0 ? -1 : line.indexOf('\t', tab1 + 1);
        if (tab2 < 0) {
            if (tab1 == 19 && line.startsWith("****", tab1 + 1)) {
                timestamp(line.substring(0, tab1));
                return CLIENT_STATUS;
            }
            throw new MalformedLineException("expected DATE TIME<TAB>PREFIX<TAB>TEXT");
        }
        LocalDateTime local = timestamp(line.substring(0, tab1));
        Instant time = zone instanceof ZoneOffset offset ? local.toInstant(offset) : local.atZone(zone).toInstant();
        String prefix = line.substring(tab1 + 1, tab2).strip();
        String text = line.substring(tab2 + 1);
        return switch (prefix) {
            case "--", "=!=" -> text.startsWith("irc: ") ? CLIENT_STATUS : happenings.read(time, text);
            case "-->", "<--", "" -> happenings.read(time, text);
            case "*" -> action(time, text);
            default -> new Entry.Said(time, IrcHappenings.withoutModeSign(prefix), text);
        };
    }

    private static Entry action(Instant time, String text) throws MalformedLineException {
        int space = text.indexOf(' ');
        if (space <= 0) {
            throw new MalformedLineException("action without a nick");
        }
        return new Entry.Said(time, text.substring(0, space), "/me " + text.substring(space + 1));
    }

    /** Parses "YYYY-MM-DD HH:MM:SS" by position: a formatter per line would cost more than the rest of the import. */
    static LocalDateTime timestamp(String s) throws MalformedLineException {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            throw new MalformedLineException("bad timestamp '" + shorten(s) + "', expected YYYY-MM-DD HH:MM:SS");
        }
        try {
            return LocalDateTime.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10), digits(s, 11, 13),
                    digits(s, 14, 16), digits(s, 17, 19));
        } catch (DateTimeException | NumberFormatException e) {
            throw new MalformedLineException("bad timestamp '" + s + "': " + e.getMessage());
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit: '" + c + "'");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
