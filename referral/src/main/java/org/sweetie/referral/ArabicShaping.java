package org.sweetie.referral;

import java.util.HashMap;
import java.util.Map;

/**
 * Joins Arabic letters for a PDF that has no shaping engine: each letter of the Arabic, and the common Persian,
 * alphabet becomes its isolated, final, initial or medial presentation form (Unicode's Arabic Presentation Forms-A
 * and -B, which the embedded Noto Sans Arabic maps), and lam followed by alef becomes the lam-alef ligature, by the
 * joining rules of Unicode's ArabicShaping.txt. Text extraction maps the forms back to the letters (compatibility
 * decomposition), so the text layer still reads as written. What this does not do (marks positioned by the font's
 * GPOS, other ligatures, Urdu letters without presentation forms here) is listed in docs/referrals.md.
 */
final class ArabicShaping {
    /** A letter's forms: isolated, final, initial, medial (0 where it has none: a right-joining letter). */
    private record Forms(char isolated, char fin, char initial, char medial) {
        boolean dual() {
            return initial != 0;
        }
    }

    private static final Map<Character, Forms> FORMS = forms();
    private static final char TATWEEL = '\u0640';
    private static final char ZWJ = '\u200d';
    private static final char LAM = '\u0644';
    /** Lam followed by alef madda, alef with hamza above, alef with hamza below, alef: isolated, final ligature. */
    private static final Map<Character, char[]> LAM_ALEF = Map.of('\u0622', new char[] {'\uFEF5', '\uFEF6'},
            '\u0623', new char[] {'\uFEF7', '\uFEF8'}, '\u0625', new char[] {'\uFEF9', '\uFEFA'},
            '\u0627', new char[] {'\uFEFB', '\uFEFC'});

    private ArabicShaping() {
    }

    private static Map<Character, Forms> forms() {
        Map<Character, Forms> m = new HashMap<>();
        m.put('\u0621', new Forms('\uFE80', (char) 0, (char) 0, (char) 0)); // hamza joins nothing
        right(m, '\u0622', 0xFE81);
        right(m, '\u0623', 0xFE83);
        right(m, '\u0624', 0xFE85);
        right(m, '\u0625', 0xFE87);
        dual(m, '\u0626', 0xFE89);
        right(m, '\u0627', 0xFE8D);
        dual(m, '\u0628', 0xFE8F);
        right(m, '\u0629', 0xFE93);
        int next = 0xFE95; // teh .. khah: five dual-joining letters in a row
        for (char c = '\u062A'; c <= '\u062E'; c++, next += 4) {
            dual(m, c, next);
        }
        right(m, '\u062F', 0xFEA9);
        right(m, '\u0630', 0xFEAB);
        right(m, '\u0631', 0xFEAD);
        right(m, '\u0632', 0xFEAF);
        next = 0xFEB1; // seen .. ghain
        for (char c = '\u0633'; c <= '\u063A'; c++, next += 4) {
            dual(m, c, next);
        }
        next = 0xFED1; // feh .. heh
        for (char c = '\u0641'; c <= '\u0647'; c++, next += 4) {
            dual(m, c, next);
        }
        right(m, '\u0648', 0xFEED);
        right(m, '\u0649', 0xFEEF);
        dual(m, '\u064A', 0xFEF1);
        dual(m, '\u067E', 0xFB56); // peh
        dual(m, '\u0686', 0xFB7A); // tcheh
        right(m, '\u0698', 0xFB8A); // jeh
        dual(m, '\u06A9', 0xFB8E); // keheh
        dual(m, '\u06AF', 0xFB92); // gaf
        dual(m, '\u06CC', 0xFBFC); // farsi yeh
        return Map.copyOf(m);
    }

    private static void right(Map<Character, Forms> m, char letter, int isolated) {
        m.put(letter, new Forms((char) isolated, (char) (isolated + 1), (char) 0, (char) 0));
    }

    private static void dual(Map<Character, Forms> m, char letter, int isolated) {
        m.put(letter, new Forms((char) isolated, (char) (isolated + 1), (char) (isolated + 2),
                (char) (isolated + 3)));
    }

    /** The text with its Arabic letters in their joined forms, in the same (logical) order. */
    static String shape(String text) {
        if (text.chars().noneMatch(c -> FORMS.containsKey((char) c))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Forms forms = FORMS.get(c);
            if (forms == null) {
                out.append(c);
                continue;
            }
            boolean joinsBefore = forms.fin() != 0 && joinsToNext(before(text, i));
            int after = after(text, i);
            if (c == LAM && after == i + 1 && LAM_ALEF.containsKey(text.charAt(after))) {
                out.append(LAM_ALEF.get(text.charAt(after))[joinsBefore ? 1 : 0]);
                i = after;
                continue;
            }
            boolean joinsAfter = forms.dual() && after >= 0 && joinsToPrevious(text.charAt(after));
            out.append(joinsBefore && joinsAfter ? forms.medial() : joinsBefore ? forms.fin()
                    : joinsAfter ? forms.initial() : forms.isolated());
        }
        return out.toString();
    }

    /** Whether a character (or -1: none) joins to the letter after it. */
    private static boolean joinsToNext(int c) {
        if (c < 0) {
            return false;
        }
        Forms forms = FORMS.get((char) c);
        return forms != null ? forms.dual() : c == TATWEEL || c == ZWJ;
    }

    private static boolean joinsToPrevious(char c) {
        Forms forms = FORMS.get(c);
        return forms != null ? forms.fin() != 0 : c == TATWEEL || c == ZWJ;
    }

    /** The nearest character before i that is not a mark (marks are transparent to joining), or -1. */
    private static int before(String text, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!transparent(text.charAt(j))) {
                return text.charAt(j);
            }
        }
        return -1;
    }

    /** The index of the nearest character after i that is not a mark, or -1. */
    private static int after(String text, int i) {
        for (int j = i + 1; j < text.length(); j++) {
            if (!transparent(text.charAt(j))) {
                return j;
            }
        }
        return -1;
    }

    private static boolean transparent(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
