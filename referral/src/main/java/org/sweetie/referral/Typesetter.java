package org.sweetie.referral;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweetie.core.Printable;

/**
 * Prepares text for the page: control and direction-override characters shown as escapes ({@link Printable}),
 * characters no shipped font has written as their code point and name, Arabic joined ({@link ArabicShaping}),
 * wrapped to a width (between words, and inside a word longer than a line), and each line put in visual order
 * ({@link Bidi}: right-to-left runs reversed, brackets mirrored) as runs of one font each.
 */
final class Typesetter {
    /** A piece of a line in one font, in the order it is drawn. */
    record Run(Fonts.Face face, String text, float width) {
    }

    /** A line as drawn, left to right. */
    record Line(List<Run> runs, float width) {
    }

    private static final Map<Integer, Integer> MIRROR = Map.of((int) '(', (int) ')', (int) ')', (int) '(',
            (int) '[', (int) ']', (int) ']', (int) '[', (int) '{', (int) '}', (int) '}', (int) '{', (int) '<',
            (int) '>', (int) '>', (int) '<', 0xAB, 0xBB, 0xBB, 0xAB);

    private final Fonts fonts;

    Typesetter(Fonts fonts) {
        this.fonts = fonts;
    }

    /** The text wrapped to the width (in points) at the size, as lines to draw. Never empty. */
    List<Line> lines(String text, boolean bold, float size, float width) {
        String shaped = ArabicShaping.shape(drawable(Printable.of(text), bold));
        List<Line> lines = new ArrayList<>();
        for (String logical : wrap(shaped, bold, size, width)) {
            lines.add(line(visual(logical), bold, size));
        }
        return lines;
    }

    /**
     * The text with every character that no font has replaced: invisible format characters (joiners, variation
     * selectors) are left out, anything else is written as its code point and name, so nothing vanishes unseen.
     */
    String drawable(String text, boolean bold) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean shown = cp == ' ' || fonts.faceFor(cp, bold) != null;
            if (!shown && out == null) {
                out = new StringBuilder(text.length() + 32).append(text, 0, i);
            }
            if (shown && out != null) {
                out.appendCodePoint(cp);
            } else if (!shown && !invisible(cp)) {
                String name = Character.getName(cp);
                out.append(String.format(Locale.ROOT, "<U+%04X%s>", cp, name == null ? ""
                        : " " + name.toLowerCase(Locale.ROOT)));
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private static boolean invisible(int cp) {
        return Character.getType(cp) == Character.FORMAT || cp >= 0xFE00 && cp <= 0xFE0F
                || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    /** Lines in logical order: words kept whole where they fit, a longer word cut between characters. */
    private List<String> wrap(String text, boolean bold, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        float space = advance(' ', bold, size);
        for (String word : text.split(" ", -1)) {
            float w = measure(word, bold, size);
            if (!line.isEmpty() && used + space + w > width) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            if (!line.isEmpty()) {
                line.append(' ');
                used += space;
            }
            if (used + w <= width) {
                line.append(word);
                used += w;
                continue;
            }
            for (int i = 0; i < word.length(); ) { // a word longer than a line: cut between characters
                int cp = word.codePointAt(i);
                int end = i + Character.charCount(cp);
                while (end < word.length() && Character.getType(word.codePointAt(end)) == Character.NON_SPACING_MARK) {
                    end += Character.charCount(word.codePointAt(end)); // a mark stays with its letter
                }
                float cw = measure(word.substring(i, end), bold, size);
                if (used + cw > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.append(word, i, end);
                used += cw;
                i = end;
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** One line in the order it is drawn: right-to-left runs reversed (a letter keeps its marks after it). */
    static String visual(String logical) {
        if (!Bidi.requiresBidi(logical.toCharArray(), 0, logical.length())) {
            return logical;
        }
        Bidi bidi = new Bidi(logical, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return logical;
        }
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        Integer[] runs = new Integer[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            runs[i] = i;
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        StringBuilder out = new StringBuilder(logical.length());
        for (int i = 0; i < count; i++) {
            int run = runs[i];
            String text = logical.substring(bidi.getRunStart(run), bidi.getRunLimit(run));
            out.append((bidi.getRunLevel(run) & 1) == 0 ? text : reversed(text));
        }
        return out.toString();
    }

    private static String reversed(String text) {
        List<String> clusters = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int end = i + Character.charCount(text.codePointAt(i));
            while (end < text.length() && Character.getType(text.codePointAt(end)) == Character.NON_SPACING_MARK) {
                end += Character.charCount(text.codePointAt(end));
            }
            int cp = text.codePointAt(i);
            clusters.add(MIRROR.containsKey(cp) ? Character.toString(MIRROR.get(cp)) + text.substring(i
                    + Character.charCount(cp), end) : text.substring(i, end));
            i = end;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = clusters.size() - 1; i >= 0; i--) {
            out.append(clusters.get(i));
        }
        return out.toString();
    }

    private Line line(String visual, boolean bold, float size) {
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Fonts.Face face = null;
        float runWidth = 0;
        float total = 0;
        for (int i = 0; i < visual.length(); ) {
            int cp = visual.codePointAt(i);
            Fonts.Face f = cp == ' ' && face != null && face.has(' ') ? face : fonts.faceFor(cp, bold);
            if (f != face && !run.isEmpty()) {
                runs.add(new Run(face, run.toString(), runWidth));
                run.setLength(0);
                runWidth = 0;
            }
            face = f;
            float w = f.advance(cp) * size / 1000;
            run.appendCodePoint(cp);
            runWidth += w;
            total += w;
            i += Character.charCount(cp);
        }
        if (!run.isEmpty()) {
            runs.add(new Run(face, run.toString(), runWidth));
        }
        return new Line(runs, total);
    }

    private float measure(String text, boolean bold, float size) {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += advance(cp, bold, size);
            i += Character.charCount(cp);
        }
        return w;
    }

    private float advance(int cp, boolean bold, float size) {
        Fonts.Face face = fonts.faceFor(cp, bold);
        return face == null ? 0 : face.advance(cp) * size / 1000;
    }
}
