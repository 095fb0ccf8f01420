package org.sweetie.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the first of a set of phrases in normalised text, word by word: the words of the text are looked up in a
 * table of the phrases' first words, so a message costs a few hash lookups per word however many phrases there are.
 * (A regular expression of all phrases tried every phrase at every character: a megabyte line took seconds.)
 */
final class PhraseMatcher {
    private static final int MAX_GAP = 3;

    /** A phrase's words; prefix[i]: word i matches any word starting with it; gapBefore[i]: up to 3 words before. */
    record Phrase(String[] words, boolean[] prefix, boolean[] gapBefore) {
    }

    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final List<Phrase> byFirstPrefix = new ArrayList<>();

    void add(Phrase phrase) {
        if (phrase.prefix()[0]) {
            byFirstPrefix.add(phrase);
        } else {
            byFirstWord.computeIfAbsent(phrase.words()[0], k -> new ArrayList<>()).add(phrase);
        }
    }

    /** The span [start, end) in the tokens' text of the first phrase found, or null. */
    int[] find(Tokens tokens) {
        for (int i = 0; i < tokens.count(); i++) {
            String word = tokens.word(i);
            List<Phrase> candidates = byFirstWord.get(word);
            if (candidates != null) {
                for (Phrase phrase : candidates) {
                    int end = match(phrase, 1, tokens, i + 1);
                    if (end >= 0) {
                        return new int[] {tokens.start(i), tokens.end(end - 1)};
                    }
                }
            }
            for (Phrase phrase : byFirstPrefix) {
                if (word.startsWith(phrase.words()[0])) {
                    int end = match(phrase, 1, tokens, i + 1);
                    if (end >= 0) {
                        return new int[] {tokens.start(i), tokens.end(end - 1)};
                    }
                }
            }
        }
        return null;
    }

    /** Matches the phrase from its word w at token t; the token after the match, or -1. */
    private static int match(Phrase phrase, int w, Tokens tokens, int t) {
        if (w == phrase.words().length) {
            return t;
        }
        int maxSkip = phrase.gapBefore()[w] ? MAX_GAP : 0;
        for (int skip = 0; skip <= maxSkip && t + skip < tokens.count(); skip++) {
            String word = tokens.word(t + skip);
            boolean same = phrase.prefix()[w] ? word.startsWith(phrase.words()[w]) : word.equals(phrase.words()[w]);
            if (same) {
                int end = match(phrase, w + 1, tokens, t + skip + 1);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    /** The words of a text: runs of letters, digits and apostrophes, with their positions. */
    record Tokens(String text, int[] starts, int[] ends, int count, String[] words) {
        static Tokens of(String text) {
            int[] starts = new int[16];
            int[] ends = new int[16];
            int n = 0;
            int i = 0;
            while (i < text.length()) {
                while (i < text.length() && !isWordChar(text.charAt(i))) {
                    i++;
                }
                if (i == text.length()) {
                    break;
                }
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                }
                starts[n] = start;
                ends[n] = i;
                n++;
            }
            String[] words = new String[n];
            for (int k = 0; k < n; k++) {
                words[k] = text.substring(starts[k], ends[k]);
            }
            return new Tokens(text, starts, ends, n, words);
        }

        /** Letters, digits, apostrophes and emoji (surrogate pairs and the symbols of the basic plane, ✅ ❌). */
        private static boolean isWordChar(char c) {
            if (c < 0x80) {
                return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '\'';
            }
            return Character.isLetterOrDigit(c) || Character.isSurrogate(c)
                    || Character.getType(c) == Character.OTHER_SYMBOL;
        }

        String word(int i) {
            return words[i];
        }

        int start(int i) {
            return starts[i];
        }

        int end(int i) {
            return ends[i];
        }
    }
}
