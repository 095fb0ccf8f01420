package org.sweetie.analysis;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A message's text in the two forms the detectors read, each with the position in the original text of every one of
 * its characters, so that what is found can be quoted exactly.
 *
 * <ul>
 *   <li>{@code plain}: lower case, accents removed, compatibility forms folded (fullwidth, ligatures), and everything
 *       invisible removed: zero-width characters, bidirectional overrides, other control and format characters.
 *       Numbers, amounts and symbols stay as they are.</li>
 *   <li>{@code words}: {@code plain} with the obfuscations undone: leetspeak inside words ({@code n@ked},
 *       {@code sh0w}), letters spaced out ({@code n a k e d}, {@code n.a.k.e.d}) and repeated letters
 *       ({@code nakeeed}, which becomes {@code naked}; every run of a letter becomes one letter, in the lexicon
 *       too).</li>
 * </ul>
 * Each step is one pass over the text: the cost grows with the length of the message and nothing else.
 */
record Normalized(String original, String plain, int[] plainOrigin, String words, int[] wordsOrigin) {

    static Normalized of(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        int[] plainOrigin = new int[text.length() + 1];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp < 0x80) { // most chat text: the same as below, without a String per character
                if (cp >= 0x20 && cp != 0x7f || cp == '\n' || cp == '\t') {
                    if (n == plainOrigin.length) {
                        plainOrigin = Arrays.copyOf(plainOrigin, n * 2 + 1);
                    }
                    plain.append(cp >= 'A' && cp <= 'Z' ? (char) (cp + ('a' - 'A')) : (char) cp);
                    plainOrigin[n++] = i;
                }
            } else if (!invisible(cp)) {
                String folded = fold(cp);
                for (int k = 0; k < folded.length(); k++) {
                    if (n == plainOrigin.length) {
                        plainOrigin = Arrays.copyOf(plainOrigin, n * 2 + 1);
                    }
                    plain.append(folded.charAt(k));
                    plainOrigin[n++] = i;
                }
            }
            i += width;
        }
        String p = plain.toString();
        int[] po = Arrays.copyOf(plainOrigin, n);
        StringBuilder words = new StringBuilder(p.length());
        int[] wordsOrigin = new int[p.length()];
        int w = deobfuscate(p, po, words, wordsOrigin);
        return new Normalized(text, p, po, words.toString(), Arrays.copyOf(wordsOrigin, w));
    }

    /** The plain form without the ASCII shortcut of {@link #of}: what the shortcut must give (a test compares). */
    static String slowPlain(String text) {
        StringBuilder plain = new StringBuilder();
        text.codePoints().filter(cp -> !invisible(cp)).forEach(cp -> plain.append(fold(cp)));
        return plain.toString();
    }

    /** Where a range of {@code words} came from in the original text. */
    int[] wordsSpan(int start, int end) {
        return span(wordsOrigin, start, end);
    }

    int[] plainSpan(int start, int end) {
        return span(plainOrigin, start, end);
    }

    private int[] span(int[] origin, int start, int end) {
        if (origin.length == 0 || start >= end) {
            return new int[] {0, 0};
        }
        int from = origin[start];
        int last = origin[end - 1];
        int to = last + Character.charCount(original.codePointAt(last));
        return new int[] {from, to};
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL && cp != '\n' && cp != '\t'
                || cp >= 0x202a && cp <= 0x202e || cp >= 0x2066 && cp <= 0x2069 || cp == 0x00ad
                || cp == 0x20e3 || cp == 0xfe0f; // a keycap's frame and emoji style: "1️⃣2️⃣" is "12"
    }

    /** Lower case, compatibility-folded, without accents (é → e, ｎ → n, ﬁ → fi). */
    private static String fold(int cp) {
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02bc) {
            return "'"; // typographic apostrophes: don’t is don't
        }
        if (cp < 0x80) {
            return String.valueOf((char) Character.toLowerCase(cp));
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
        return out.toString();
    }

    /** Undoes leetspeak inside words, joins spaced-out letters and collapses repeated letters. */
    private static int deobfuscate(String p, int[] po, StringBuilder out, int[] origin) {
        char[] mapped = leet(p);
        int n = 0;
        int i = 0;
        while (i < mapped.length) {
            int spacedEnd = spacedLetters(mapped, i);
            if (spacedEnd > i) {
                for (int k = i; k < spacedEnd; k++) {
                    if (Character.isLetter(mapped[k])) {
                        n = append(out, origin, n, mapped[k], po[k]);
                    } else if (k > i && mapped[k] == ' ' && mapped[k - 1] == ' ') {
                        n = append(out, origin, n, ' ', po[k]); // "t a k e  o f f": two spaces part the words
                    }
                }
                i = spacedEnd;
                continue;
            }
            n = append(out, origin, n, mapped[i], po[i]);
            i++;
        }
        return n;
    }

    private static int append(StringBuilder out, int[] origin, int n, char c, int from) {
        if (n > 0 && Character.isLetter(c) && out.charAt(n - 1) == c) {
            return n; // a repeated letter: nakeeed is naked
        }
        out.append(c);
        origin[n] = from;
        return n + 1;
    }

    /**
     * The end of a run of single letters separated by . - _ * (three or more: s.e.x) or by spaces only (four or more,
     * so that chat shorthand like "r u a kid" stays apart), or {@code start} when there is none here.
     */
    private static int spacedLetters(char[] s, int start) {
        if (!Character.isLetter(s[start]) || start > 0 && Character.isLetterOrDigit(s[start - 1])) {
            return start;
        }
        int letters = 1;
        boolean onlySpaces = true;
        int i = start + 1;
        int end = start + 1;
        // one kind of gap throughout: "a n.a.k.e.d" is the word "a" and then n.a.k.e.d
        Boolean spacedBySpaces = null;
        while (i < s.length) {
            int gap = i;
            boolean spaces = true;
            while (gap < s.length && " .-_*".indexOf(s[gap]) >= 0) {
                spaces &= s[gap] == ' ';
                gap++;
            }
            if (gap > i && spacedBySpaces != null && spacedBySpaces != spaces) {
                break;
            }
            if (gap > i) {
                spacedBySpaces = spaces;
                onlySpaces &= spaces;
            }
            if (gap == i || gap >= s.length || !Character.isLetter(s[gap])
                    || gap + 1 < s.length && Character.isLetterOrDigit(s[gap + 1])) {
                break;
            }
            letters++;
            end = gap + 1;
            i = gap + 1;
        }
        if (onlySpaces && letters == 4 && "aiu".indexOf(s[start]) >= 0
                && SHORT_SPACED.contains(letters(s, start + 1, end))) {
            return start; // "got a c a m": the word "a", then c a m
        }
        return letters >= (onlySpaces ? 4 : 3) || SHORT_SPACED.contains(letters(s, start, end)) ? end : start;
    }

    /** Three-letter words spaced out to slip past a filter ("c a m", "t o p"); other short runs stay apart. */
    private static final java.util.Set<String> SHORT_SPACED = java.util.Set.of("cam", "top", "bra", "sex", "pic",
            "vid", "nud");

    private static String letters(char[] s, int from, int to) {
        StringBuilder word = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (Character.isLetter(s[k])) {
                word.append(s[k]);
            }
        }
        return word.toString();
    }

    /** Leetspeak letters, replaced only in tokens that also hold a real letter: "20" stays, "sh0w" is "show". */
    private static char[] leet(String p) {
        char[] s = p.toCharArray();
        int tokenStart = 0;
        for (int i = 0; i <= s.length; i++) {
            if (i == s.length || Character.isWhitespace(s[i])) {
                boolean hasLetter = false;
                for (int k = tokenStart; k < i; k++) {
                    hasLetter |= Character.isLetter(s[k]);
                }
                if (hasLetter) {
                    for (int k = tokenStart; k < i; k++) {
                        s[k] = unleet(s, k, tokenStart, i);
                    }
                }
                tokenStart = i + 1;
            }
        }
        return s;
    }

    /** A digit between letters spaced by dots or dashes ("n.4.k.3.d"): the spaced word hides a letter there. */
    private static boolean dottedBetween(char[] s, int k, int from, int to) {
        return k - 2 >= from && k + 2 < to && ".-_*".indexOf(s[k - 1]) >= 0 && s[k + 1] == s[k - 1]
                && Character.isLetter(s[k - 2]) && Character.isLetter(s[k + 2]);
    }

    private static char unleet(char[] s, int k, int from, int to) {
        char c = s[k];
        // after a letter ("nu3", "sh0w") or before one ("0ne"): "20" and "3am" keep their digits
        boolean between = k > from && Character.isLetter(s[k - 1]) || k + 1 < to
                && Character.isLetter(s[k + 1]) || dottedBetween(s, k, from, to);
        if (!between || c == '!' && !(k + 1 < to && Character.isLetter(s[k + 1]))) {
            return c; // "niemandem!!" ends a sentence; "n!ckt" hides a letter
        }
        return switch (c) {
            case '@', '4' -> 'a';
            case '3' -> 'e';
            case '1', '!' -> 'i';
            case '0' -> 'o';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '\u00A5' -> 'y'; // sk¥pe
            case '\u20AC' -> 'e'; // s€xy
            case '\u00A2' -> 'c'; // mu¢h
            default -> c;
        };
    }
}
