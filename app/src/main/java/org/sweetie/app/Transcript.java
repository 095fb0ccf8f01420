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
 * lines of the same time in the order they were captured or logged (an event is placed among the messages),
 * and under a message what the analysis flagged there ('!'). Times are UTC: the time received, and for a line a server
 * kept (XMPP offline storage) also when the partner sent it, "(sent ...)". A transcript can be followed: each
 * {@link #printNew} prints what was stored since the last one.
 */
final class Transcript {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Conversation conversation;
    private final ConversationStore store;
    private long printedSeq;
    private int printedEvents;

    Transcript(Conversation conversation, ConversationStore store) {
        this.conversation = conversation;
        this.store = store;
    }

    static String heading(Conversation c, ConversationStore store) {
        int messages = store.messages(c.id()).size();
        int events = store.events(c.id()).size();
        return "#%d %s (%s, persona %s): %d messages, %d events".formatted(c.id(), Printable.of(c.label()),
                c.key().isPrivate() ? "private" : "channel", c.key().persona(), messages, events);
    }

    static void print(Conversation c, ConversationStore store, PrintWriter out) {
        out.println(heading(c, store));
        new Transcript(c, store).printNew(out);
    }

    /** Prints the messages, flags and events stored since the last call (all of them the first time). */
    int printNew(PrintWriter out) {
        // Lines of the same time keep the order of capture: a message is placed by its seq, an event after the
        // message it was stored after (messages are listed first, so on a tie the message comes first).
        record Line(Instant time, long place, int order, String text) {
        }
        List<Line> lines = new ArrayList<>();
        List<Message> messages = store.messages(conversation.id()).stream().filter(m -> m.seq() > printedSeq)
                .toList();
        Map<Long, List<Flag>> flags = messages.isEmpty() ? Map.of() : store.flags(conversation.id()).stream()
                .filter(f -> f.seq() > printedSeq)
                .collect(Collectors.groupingBy(Flag::seq, LinkedHashMap::new, Collectors.toList()));
        for (Message m : messages) {
            String sent = m.delayStamp() == null ? "" : " (sent " + TIME.format(m.delayStamp()) + ")";
            lines.add(new Line(m.time(), m.seq(), lines.size(), "%s %4d %s %s%s: %s".formatted(TIME.format(m.time()),
                    m.seq(), m.author().isPersona() ? ">" : "<", who(m), sent, Printable.of(m.text()))));
            for (Flag flag : flags.getOrDefault(m.seq(), List.of())) {
                lines.add(new Line(m.time(), m.seq(), lines.size(), "%s      ! %s %s%s".formatted(
                        TIME.format(m.time()), flag.kind(), flag.value(), flag.detail().isEmpty() ? ""
                                : " (" + Printable.of(flag.detail()) + ")")));
            }
            printedSeq = m.seq();
        }
        List<Event> events = store.events(conversation.id());
        for (Event e : events.subList(Math.min(printedEvents, events.size()), events.size())) {
            // one stored before events had a place: after the messages of its time, as it always was shown
            long place = e.isPlaced() ? e.afterSeq() : Long.MAX_VALUE;
            lines.add(new Line(e.time(), place, lines.size(), "%s      * %s %s [%s]".formatted(TIME.format(e.time()),
                    Printable.of(e.actor()), Printable.of(e.detail()), e.kind().name().toLowerCase())));
        }
        printedEvents = events.size();
        lines.sort(Comparator.comparing(Line::time).thenComparingLong(Line::place).thenComparingInt(Line::order));
        lines.forEach(l -> out.println("  " + l.text()));
        out.flush();
        return lines.size();
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
