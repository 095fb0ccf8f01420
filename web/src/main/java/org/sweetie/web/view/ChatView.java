package org.sweetie.web.view;

import java.util.List;

/**
 * One conversation on the desk: its row, its lines (the page's script adds newer ones as they come), whether the
 * viewer holds it (then they may speak and hand it back), and whether the desk is live.
 *
 * @param after the last line's number: the script asks for lines after it
 */
public record ChatView(DeskRow row, List<Line> lines, long after, boolean mine, boolean live) {
    public ChatView {
        lines = List.copyOf(lines);
    }

    /** A message or event; {@code who} is partner, bot, operator NAME or the event's kind. */
    public record Line(long seq, String time, String who, Shown sender, Shown text, boolean partner, boolean event) {
    }
}
