package org.sweetie.capture.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sweetie.core.Account;
import org.sweetie.core.EventKind;
import org.sweetie.core.Persona;

/**
 * A first look at a log before anything of it is stored: whether it begins with the partner's nick change (WeeChat
 * and irssi close a query's log when the partner changes nick and go on in a file named after the new nick, which
 * begins with the "is now known as" line), and whether the persona is in it at all. It reads only as far as it must:
 * up to the persona's first line.
 */
final class LogPreview {
    /** How many different nicks are counted for the refusal message, so a huge channel log stays small. */
    private static final int MOST_NICKS = 10_000;

    private final LogFile log;
    private final Set<String> personaNicks = new HashSet<>();
    /** Nicks other than the persona's, in the order they first wrote, with how many lines they wrote. */
    private final Map<String, NickCount> nicks = new LinkedHashMap<>();
    private boolean openingSeen;
    private String continues;
    private boolean personaSeen;
    private boolean anyMessage;

    private static final class NickCount {
        final String nick;
        long lines;

        NickCount(String nick) {
            this.nick = nick;
        }
    }

    private LogPreview(LogFile log, Persona persona) {
        this.log = log;
        persona.nicknames().forEach(n -> personaNicks.add(Account.handleOf(n)));
    }

    /**
     * Reads the beginning of a log.
     *
     * @param checkPersona whether to read on until the persona's first line (else only up to the first line that is
     *        not the client's own)
     */
    static LogPreview read(LogFile log, ZoneId zone, Persona persona, boolean checkPersona) throws IOException {
        LogPreview preview = new LogPreview(log, persona);
        LineParser parser = log.format().parser(zone);
        try (InputStream in = Files.newInputStream(log.path())) {
            LogLines lines = new LogLines(in);
            LogLines.Line line;
            while ((line = lines.next()) != null && !preview.enough(checkPersona)) {
                if (line.text() != null && !line.text().isBlank()) {
                    preview.look(parser, line.text());
                }
            }
        }
        return preview;
    }

    private boolean enough(boolean checkPersona) {
        return openingSeen && (personaSeen || !checkPersona);
    }

    private void look(LineParser parser, String text) {
        Entry entry;
        try {
            entry = parser.parse(text);
        } catch (MalformedLineException | IllegalArgumentException e) {
            return; // the import reports it
        }
        switch (entry) {
            case Entry.Said said -> {
                openingSeen = true;
                anyMessage = true;
                if (said.author() != null ? said.author().isPersona() : isPersona(said.nick())) {
                    personaSeen = true;
                } else {
                    count(said.nick());
                }
            }
            case Entry.Happened happened -> {
                opening(happened);
                if (isPersona(happened.nick()) || ownNickChange(happened)) {
                    personaSeen = true;
                }
            }
            case Entry.Context context -> { }
            case Entry.ClientStatus status -> { }
        }
    }

    /** The first line that is not the client's own decides whether the file goes on from another nick's. */
    private void opening(Entry.Happened happened) {
        if (openingSeen) {
            return;
        }
        openingSeen = true;
        Entry.Target target = log.target();
        if (target != null && target.partner() != null && target.channel() == null
                && happened.kind() == EventKind.NICK_CHANGE && happened.newNick() != null
                && !ownNickChange(happened) && !isPersona(happened.nick())
                && Account.handleOf(happened.newNick()).equals(Account.handleOf(target.partner()))
                && !Account.handleOf(happened.nick()).equals(Account.handleOf(target.partner()))) {
            continues = happened.nick();
        }
    }

    private static boolean ownNickChange(Entry.Happened happened) {
        return happened.kind() == EventKind.NICK_CHANGE && happened.detail().startsWith("log owner");
    }

    private boolean isPersona(String nick) {
        return personaNicks.contains(Account.handleOf(nick));
    }

    private void count(String nick) {
        String handle = Account.handleOf(nick);
        NickCount count = nicks.get(handle);
        if (count == null && nicks.size() < MOST_NICKS) {
            count = new NickCount(nick);
            nicks.put(handle, count);
        }
        if (count != null) {
            count.lines++;
        }
    }

    /** The nick whose conversation this file goes on with, or null. */
    String continues() {
        return continues;
    }

    /** Why the file must not be imported as this persona's, or null when it may. */
    String refusal(Persona persona) {
        if (personaSeen || !anyMessage) {
            return null;
        }
        List<NickCount> most = nicks.values().stream()
                .sorted(Comparator.comparingLong((NickCount c) -> c.lines).reversed())
                .limit(3).toList();
        return "none of the persona's nicks (" + String.join(", ", persona.nicknames()) + ") appears in it; the "
                + "nicks that wrote most are " + most.stream().map(c -> c.nick + " (" + c.lines + " lines)")
                .collect(Collectors.joining(", ")) + ". Not imported: check --persona, or add --no-persona-check "
                + "if the persona never wrote in this conversation";
    }
}
