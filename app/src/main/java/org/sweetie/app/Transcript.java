package org.sweetie.app;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;
import org.sweetie.core.Printable;

/**
 * A conversation printed for people: messages and events in time order, persona lines marked with who typed them,
 * and under a message what the analysis flagged there ('!'). Times are UTC: the time received, and for a line a server
 * kept (XMPP offline storage) also when the partner sent it, "(sent ...)".
 */
final class Transcript {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Transcript() {
    }

    static String heading(Conversation c, ConversationStore store) {
        int messages = store.messages(c.id()).size();
        int events = store.events(c.id()).size();
        return "#%d %s (%s, persona %s): %d messages, %d events".formatted(c.id(), Printable.of(c.label()),
                c.key().isPrivate() ? "private" : "channel", c.key().persona(), messages, events);
    }

    static void print(Conversation c, ConversationStore store, PrintWriter out) {
        out.println(heading(c, store));
        record Line(Instant time, int order, String text) {
        }
        List<Line> lines = new ArrayList<>();
        Map<Long, List<Flag>> flags = store.flags(c.id()).stream()
                .collect(Collectors.groupingBy(Flag::seq, LinkedHashMap::new, Collectors.toList()));
        for (Message m : store.messages(c.id())) {
            String sent = m.delayStamp() == null ? "" : " (sent " + TIME.format(m.delayStamp()) + ")";
            lines.add(new Line(m.time(), lines.size(), "%s %4d %s %s%s: %s".formatted(TIME.format(m.time()), m.seq(),
                    m.author().isPersona() ? ">" : "<", who(m), sent, Printable.of(m.text()))));
            for (Flag flag : flags.getOrDefault(m.seq(), List.of())) {
                lines.add(new Line(m.time(), lines.size(), "%s      ! %s %s%s".formatted(TIME.format(m.time()),
                        flag.kind(), flag.value(), flag.detail().isEmpty() ? "" : " (" + Printable.of(flag.detail())
                                + ")")));
            }
        }
        for (Event e : store.events(c.id())) {
            lines.add(new Line(e.time(), lines.size(), "%s      * %s %s [%s]".formatted(TIME.format(e.time()),
                    Printable.of(e.actor()), Printable.of(e.detail()), e.kind().name().toLowerCase())));
        }
        lines.sort(Comparator.comparing(Line::time).thenComparing(Line::order));
        lines.forEach(l -> out.println("  " + l.text()));
    }

    private static String who(Message m) {
        String sender = Printable.of(m.sender());
        return switch (m.author().kind()) {
            case PARTNER -> sender;
            case PERSONA_BOT -> sender + " (bot)";
            case PERSONA_OPERATOR -> sender + " (operator " + Printable.of(m.author().operatorId()) + ")";
        };
    }
}
