package org.sweetie.web.view;

import java.util.List;

/**
 * One conversation: what it is, what the analysis found and why, and every line and event in order, each flagged
 * span marked.
 */
public record TranscriptView(ConversationRow summary, List<FlagRow> flags, List<LineRow> lines) {
    public TranscriptView {
        flags = List.copyOf(flags);
        lines = List.copyOf(lines);
    }

    /**
     * A flag: at which message, what, the value it holds (an identifier as the partner gave it), why such a flag is
     * raised, and what raised this one (the words or concepts the analysis matched, quoting the chat).
     */
    public record FlagRow(long seq, String what, Shown value, String why, Shown matched) {
    }

    /**
     * A message or an event.
     *
     * @param seq the message's number, or 0 for an event
     * @param author partner, bot, operator NAME, or the event's kind
     * @param flags what was flagged at this message, in words
     */
    public record LineRow(long seq, String time, String author, Shown sender, Shown text, List<String> flags,
                          boolean partner) {
        public LineRow {
            flags = List.copyOf(flags);
        }

        public boolean event() {
            return seq == 0;
        }
    }
}
