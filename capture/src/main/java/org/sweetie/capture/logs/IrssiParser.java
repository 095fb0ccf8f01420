package org.sweetie.capture.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * irssi's default theme: {@code --- Log opened Tue Oct 01 12:00:00 2013} and {@code --- Day changed Wed Oct 02 2013}
 * headers give the date, lines carry only {@code HH:MM} (or {@code HH:MM:SS}): {@code <nick> text},
 * {@code  * nick action}, {@code -!- status}. irssi's own status lines ({@code -!- Irssi: Starting query in ...},
 * {@code -!- Irssi: #room: Total of 3 nicks ...}) and {@code --- Log closed} are the client's, not the conversation's.
 */
final class IrssiParser implements LineParser {
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private static final Entry.Context CONTEXT = new Entry.Context();
    private static final Entry.ClientStatus CLIENT_STATUS = new Entry.ClientStatus();

    private final ZoneId zone;
    private final IrcHappenings happenings = IrcHappenings.irssi();
    private LocalDate date;

    IrssiParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Entry parse(String line) throws MalformedLineException {
        if (line.startsWith("--- ")) {
            return header(line);
        }
        int space = line.indexOf(' ');
        if (space < 0) {
            throw new MalformedLineException("expected HH:MM followed by a message or status");
        }
        LocalTime clock = clock(line.substring(0, space));
        if (date == null) {
            throw new MalformedLineException("no date yet: a '--- Log opened' or '--- Day changed' header must come "
                    + "first");
        }
        Instant time = date.atTime(clock).atZone(zone).toInstant();
        String rest = line.substring(space + 1);
        if (rest.startsWith("<")) {
            int close = rest.indexOf("> ");
            if (close < 0 && rest.endsWith(">")) {
                close = rest.length() - 1;
            }
            if (close < 2) {
                throw new MalformedLineException("message without a closing '>' after the nick");
            }
            String nick = IrcHappenings.withoutModeSign(rest.substring(1, close).strip());
            String text = close + 2 <= rest.length() ? rest.substring(close + 2) : "";
            return new Entry.Said(time, nick, text);
        }
        if (rest.startsWith(" * ")) {
            String action = rest.substring(3);
            int gap = action.indexOf(' ');
            if (gap <= 0) {
                throw new MalformedLineException("action without a nick");
            }
            return new Entry.Said(time, action.substring(0, gap), "/me " + action.substring(gap + 1));
        }
        if (rest.startsWith("-!- Irssi: ")) {
            return CLIENT_STATUS;
        }
        if (rest.startsWith("-!- ")) {
            return happenings.read(time, rest.substring(4));
        }
        throw new MalformedLineException("not an irssi message, action or status line: '"
                + WeechatParser.shorten(rest) + "'");
    }

    private Entry header(String line) throws MalformedLineException {
        String[] words = line.substring(4).split(" ");
        if (line.startsWith("--- Log opened ") || line.startsWith("--- Day changed ")) {
            date = headerDate(line, words);
            return CONTEXT;
        }
        if (line.startsWith("--- Log closed ")) {
            return CLIENT_STATUS;
        }
        throw new MalformedLineException("unknown irssi header '" + WeechatParser.shorten(line) + "'");
    }

    /** Reads "Tue Oct 01 12:00:00 2013" or "Wed Oct 02 2013"; the weekday is ignored, the date decides. */
    private static LocalDate headerDate(String line, String[] words) throws MalformedLineException {
        // words: Log opened Tue Oct 01 12:00:00 2013 | Day changed Wed Oct 02 2013
        if (words.length < 6) {
            throw new MalformedLineException("header without a date: '" + line + "'");
        }
        int month = MONTHS.indexOf(words[3].toLowerCase(Locale.ROOT)) + 1;
        try {
            int day = Integer.parseInt(words[4]);
            int year = Integer.parseInt(words[words.length - 1]);
            if (month == 0) {
                throw new MalformedLineException("unknown month '" + words[3] + "' in header");
            }
            return LocalDate.of(year, month, day);
        } catch (NumberFormatException | DateTimeException e) {
            throw new MalformedLineException("bad date in header '" + line + "'");
        }
    }

    private static LocalTime clock(String s) throws MalformedLineException {
        try {
            if (s.length() == 5 && s.charAt(2) == ':') {
                return LocalTime.of(Integer.parseInt(s, 0, 2, 10), Integer.parseInt(s, 3, 5, 10));
            }
            if (s.length() == 8 && s.charAt(2) == ':' && s.charAt(5) == ':') {
                return LocalTime.of(Integer.parseInt(s, 0, 2, 10), Integer.parseInt(s, 3, 5, 10),
                        Integer.parseInt(s, 6, 8, 10));
            }
        } catch (NumberFormatException | DateTimeException e) {
            throw new MalformedLineException("bad time '" + s + "'");
        }
        throw new MalformedLineException("bad time '" + WeechatParser.shorten(s) + "', expected HH:MM or HH:MM:SS");
    }
}
