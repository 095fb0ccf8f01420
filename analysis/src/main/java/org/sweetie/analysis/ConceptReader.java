package org.sweetie.analysis;

import java.util.List;

/**
 * Reads a message into concepts: each word through the dictionary (stems, emoji, shorthand), the phrases the words
 * start, a question mark, and the rules file's "owned" concepts dropped where the partner speaks of his own thing
 * ("my webcam came with it" is not about hers).
 */
final class ConceptReader {
    private final ConceptDictionary dictionary;
    private final long question;
    private final long my;
    private final long owned;
    private final long number;
    private final long childAge;
    private final long time;

    ConceptReader(ConceptDictionary dictionary, long owned) {
        this.dictionary = dictionary;
        ConceptDictionary.Concepts concepts = dictionary.concepts();
        this.question = concepts.bit("QUESTION");
        this.my = concepts.bit("MY");
        this.number = concepts.bit("NUMBER");
        this.childAge = concepts.bit("CHILD_AGE");
        this.time = concepts.bit("TIME");
        this.owned = owned;
    }

    ConceptReading read(Normalized text) {
        return read(text, PhraseMatcher.Tokens.of(text.words()));
    }

    ConceptReading read(Normalized text, PhraseMatcher.Tokens tokens) {
        int n = tokens.count();
        long[] masks = new long[n];
        ConceptDictionary.TokenInfo[] infos = new ConceptDictionary.TokenInfo[n];
        boolean digits = hasDigit(text.plain());
        for (int i = 0; i < n; i++) {
            String word = tokens.word(i);
            infos[i] = dictionary.token(word);
            masks[i] |= infos[i].concepts();
            if (digits) {
                // leetspeak is undone in the words ("10yo" reads "ioyo"): numbers are read from the original
                int[] span = text.wordsSpan(tokens.start(i), tokens.end(i));
                String raw = text.original().substring(span[0], span[1]).toLowerCase(java.util.Locale.ROOT);
                if (!raw.isEmpty() && Character.isDigit(raw.charAt(0))) {
                    masks[i] |= number | (childAge(raw) && !inSum(text.original(), span) ? childAge : 0);
                }
            }
        }
        for (int i = 1; digits && i < n; i++) {
            // "10 am" is a clock time; "i am" is not (so "am" is no time word of its own in the dictionary)
            boolean clock = CLOCK.contains(tokens.word(i))
                    || i + 1 < n && DAYTIME.contains(tokens.word(i + 1)) && tokens.word(i).length() <= 3;
            if ((masks[i - 1] & number) != 0 && clock) {
                masks[i - 1] &= ~childAge;
                masks[i] |= time;
            }
        }
        for (int i = 0; i < n; i++) {
            for (ConceptDictionary.Phrase phrase : infos[i].starts()) {
                int end = match(phrase, 1, tokens, infos, i + 1);
                if (end > 0) {
                    for (int k = i; k < end; k++) {
                        masks[k] |= 1L << phrase.concept();
                    }
                }
            }
        }
        long mask = 0;
        for (int i = 0; i < n; i++) {
            if ((masks[i] & owned) != 0 && ownedAt(masks, i)) {
                masks[i] &= ~owned;
            }
            mask |= masks[i];
        }
        if (text.plain().indexOf('?') >= 0) {
            mask |= question;
        }
        return new ConceptReading(mask, tokens, masks, text);
    }

    private static boolean hasDigit(String plain) {
        for (int i = 0; i < plain.length(); i++) {
            if (Character.isDigit(plain.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** "my webcam", "my new hd camera": the partner's "my" up to three words before. */
    private boolean ownedAt(long[] masks, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            if ((masks[k] & my) != 0) {
                return true;
            }
        }
        return false;
    }

    /** An age a child has, as a word of its own or with its unit: "10", "9yo", "11yrs", "10f". */
    private static boolean childAge(String word) {
        int digits = 0;
        while (digits < word.length() && Character.isDigit(word.charAt(digits))) {
            digits++;
        }
        if (digits > 2) {
            return false;
        }
        String unit = word.substring(digits);
        if (!unit.isEmpty() && !CHILD_AGE_UNITS.contains(unit)) {
            return false;
        }
        int age = Integer.parseInt(word.substring(0, digits));
        return age >= 3 && age < 18;
    }

    /** "1/2 + 1/4 = ?" is a school sum, not an age. */
    private static boolean inSum(String original, int[] span) {
        char before = span[0] > 0 ? original.charAt(span[0] - 1) : ' ';
        char after = span[1] < original.length() ? original.charAt(span[1]) : ' ';
        return "/+=*x".indexOf(before) >= 0 && before != 'x' || "/+=*".indexOf(after) >= 0;
    }

    private static final java.util.Set<String> CLOCK = java.util.Set.of("am", "pm", "noon", "midnight", "oclock",
            "o'clock", "uhr", "h");
    /** "10 da noite", "10 de la noche", "9 ng gabi": a clock time said with the part of the day. */
    private static final java.util.Set<String> DAYTIME = java.util.Set.of("noite", "noche", "nuit", "notte", "nacht",
            "manha", "manana", "matin", "mattina", "morgen", "tarde", "soir", "sera", "abend", "gabi", "umaga",
            "hapon", "gabii", "buntag", "night", "morning", "evening");
    private static final java.util.Set<String> CHILD_AGE_UNITS = java.util.Set.of("yo", "y", "yr", "yrs", "f", "yrsold",
            "years", "anos", "taon", "jaar", "jahre", "ans", "anni", "ar", "lat", "let", "yearsold");

    /** Matches a phrase from its word w at token t: the token after the match, or -1. Up to 3 words per gap. */
    private static int match(ConceptDictionary.Phrase phrase, int w, PhraseMatcher.Tokens tokens,
                             ConceptDictionary.TokenInfo[] infos, int t) {
        if (w == phrase.words().length) {
            return t;
        }
        int maxSkip = phrase.gapBefore()[w] ? 3 : 0;
        for (int skip = 0; skip <= maxSkip && t + skip < tokens.count(); skip++) {
            if (ConceptDictionary.matches(phrase, w, tokens.word(t + skip), infos[t + skip].stems())) {
                int end = match(phrase, w + 1, tokens, infos, t + skip + 1);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    List<String> names(long mask) {
        return dictionary.names(mask);
    }
}
