package org.sweetie.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The phrases that mark each kind of talk, read from {@code analysis/lexicon.txt} and compiled into one pattern per
 * kind over the {@code words} form of a message (see {@link Normalized}).
 */
final class Lexicon {
    /** The kinds of talk the lexicon knows. */
    enum Kind { SEXUAL, WEBCAM, PAYMENT, SECRECY, PROTECTIVE, YOUNG }

    private final Map<Kind, PhraseMatcher> matchers;

    private Lexicon(Map<Kind, PhraseMatcher> matchers) {
        this.matchers = matchers;
    }

    /** The span in the text of the first phrase of this kind, or null. */
    int[] find(Kind kind, PhraseMatcher.Tokens normalizedWords) {
        return matchers.get(kind).find(normalizedWords);
    }

    static Lexicon load() {
        try (InputStream in = Lexicon.class.getResourceAsStream("/analysis/lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("analysis/lexicon.txt is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the lexicon", e);
        }
    }

    static Lexicon parse(String text) {
        PhraseBook book = PhraseBook.parse("lexicon.txt", text, section -> java.util.Arrays.stream(Kind.values())
                .anyMatch(k -> k.name().toLowerCase(Locale.ROOT).equals(section)));
        Map<Kind, PhraseMatcher> matchers = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            matchers.put(kind, book.matcher(kind.name().toLowerCase(Locale.ROOT)));
        }
        return new Lexicon(matchers);
    }

    /**
     * Expands word sets: "{take off,remove} ~ {clothes,shirt}" stands for every combination, so a kind of request
     * can be written once instead of phrase by phrase.
     */
    static List<String> expand(String line) {
        int open = line.indexOf('{');
        if (open < 0) {
            return List.of(line);
        }
        int close = line.indexOf('}', open);
        if (close < 0) {
            throw new IllegalArgumentException("lexicon: '{' without '}' in " + line);
        }
        List<String> out = new ArrayList<>();
        for (String choice : line.substring(open + 1, close).split(",")) {
            out.addAll(expand(line.substring(0, open) + choice.strip() + line.substring(close + 1)));
        }
        return out;
    }

    /** A phrase's words, normalised like messages and split like them ("web cam" is two words). */
    static PhraseMatcher.Phrase phrase(String line, int lineNumber) {
        return phrase(line, "lexicon.txt", lineNumber);
    }

    static PhraseMatcher.Phrase phrase(String line, String source, int lineNumber) {
        List<String> words = new ArrayList<>();
        List<Boolean> prefix = new ArrayList<>();
        List<Boolean> gap = new ArrayList<>();
        boolean gapNext = false;
        for (String raw : line.split("\\s+")) {
            if (raw.equals("~")) {
                gapNext = true;
                continue;
            }
            boolean isPrefix = raw.endsWith("*");
            String core = isPrefix ? raw.substring(0, raw.length() - 1) : raw;
            PhraseMatcher.Tokens tokens = PhraseMatcher.Tokens.of(Normalized.of(core).words());
            for (int t = 0; t < tokens.count(); t++) {
                words.add(tokens.word(t));
                prefix.add(isPrefix && t == tokens.count() - 1);
                gap.add(gapNext && t == 0);
            }
            gapNext = false;
        }
        if (words.isEmpty() || gap.getFirst()) {
            throw new IllegalArgumentException(source + ":" + lineNumber + ": not a phrase: " + line);
        }
        boolean[] p = new boolean[words.size()];
        boolean[] g = new boolean[words.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = prefix.get(i);
            g[i] = gap.get(i);
        }
        return new PhraseMatcher.Phrase(words.toArray(String[]::new), p, g);
    }
}
