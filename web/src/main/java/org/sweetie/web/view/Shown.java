package org.sweetie.web.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sweetie.core.Printable;

/**
 * Text someone else wrote (a partner, a log), ready to show: in parts, so that a control character or a
 * bidirectional override is shown as its code point in a box instead of acting on the page, and a span the analysis
 * flagged is marked with why. The template escapes every part; nothing here is ever markup.
 */
public record Shown(List<Part> parts) {
    public static final Shown NOTHING = new Shown(List.of());

    public Shown {
        parts = List.copyOf(parts);
    }

    /**
     * One run of text.
     *
     * @param control true when the text is the code point of a character shown instead of acted on ("U+202E")
     * @param mark why this span is marked, or null when it is not
     */
    public record Part(String text, boolean control, String mark) {
        public Part {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A span of the text to mark: characters {@code start} (inclusive) to {@code end} (exclusive). */
    public record Mark(int start, int end, String why) {
    }

    public static Shown of(String text) {
        return marked(text, List.of());
    }

    public static Shown marked(String text, List<Mark> marks) {
        if (text == null || text.isEmpty()) {
            return NOTHING;
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        String runMark = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String mark = markAt(marks, i);
            if (Printable.isUnsafe(c) || !Objects.equals(mark, runMark)) {
                flush(parts, run, runMark);
                runMark = mark;
            }
            if (Printable.isUnsafe(c)) {
                parts.add(new Part(String.format("U+%04X", (int) c), true, mark));
            } else {
                run.append(c);
            }
        }
        flush(parts, run, runMark);
        return new Shown(parts);
    }

    /** The text as shown, in one string: for tests and titles. */
    public String plain() {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.control() ? "[" + p.text() + "]" : p.text()));
        return out.toString();
    }

    private static String markAt(List<Mark> marks, int i) {
        String why = null;
        for (Mark m : marks) {
            if (i >= m.start() && i < m.end()) {
                why = why == null ? m.why() : why + "; " + m.why();
            }
        }
        return why;
    }

    private static void flush(List<Part> parts, StringBuilder run, String mark) {
        if (!run.isEmpty()) {
            parts.add(new Part(run.toString(), false, mark));
            run.setLength(0);
        }
    }
}
