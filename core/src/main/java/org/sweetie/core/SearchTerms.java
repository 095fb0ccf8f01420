package org.sweetie.core;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a search compares (docs/security.md, "Finding without plaintext"): the store keeps keyed hashes of these terms,
 * never the text, so a conversation is found by whole words of what was written and by exact identifiers.
 */
public final class SearchTerms {
    private SearchTerms() {
    }

    /**
     * The words a text is searched by: runs of letters and digits, lower-cased, with accents removed (NFKD), so that
     * "Café" is found by "cafe"; words shorter than two characters and numbers of more than four digits are left
     * out.
     */
    public static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        String folded = (isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")).toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean inWord = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                if (i - start >= 2 && !isLongNumber(folded, start, i)) {
                    words.add(folded.substring(start, i));
                }
                start = -1;
            }
        }
        return words;
    }

    /**
     * A run of more than four digits: phone numbers, ids and counters are found as the identifiers the analysis
     * extracts, and indexing every one of them as a word made the index grow with every line (sweetie bench import).
     */
    private static boolean isLongNumber(String text, int start, int end) {
        if (end - start <= 4) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** An identifier as it is searched by: as the analysis normalised it, without surrounding space, lower-cased. */
    public static String identifier(String identifier) {
        return identifier.strip().toLowerCase(Locale.ROOT);
    }
}
