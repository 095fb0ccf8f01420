package org.sweetie.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named lists of phrases in the lexicon's syntax (one phrase per line under a [section]; {@code *} a word prefix,
 * {@code ~} a gap of up to three words, {@code {a,b}} alternatives), matched on text normalised as the analysis
 * normalises messages: lower case, accents folded, leetspeak undone, spaced-out letters joined, invisible
 * characters dropped. The entrapment guard keeps its vocabulary in one, so it reads drafts as the analysis reads
 * messages.
 */
public final class PhraseBook {
    private final String name;
    private final Map<String, PhraseMatcher> sections;

    private PhraseBook(String name, Map<String, PhraseMatcher> sections) {
        this.name = name;
        this.sections = sections;
    }

    /** Reads a phrase book from the class path; a syntax error names the resource and the line. */
    public static PhraseBook load(String resource) {
        try (InputStream in = PhraseBook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the build: " + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static PhraseBook parse(String name, String text) {
        return parse(name, text, section -> true);
    }

    /** As {@link #parse(String, String)}, refusing sections the reader does not know. */
    static PhraseBook parse(String name, String text, java.util.function.Predicate<String> known) {
        Map<String, PhraseMatcher> sections = new LinkedHashMap<>();
        PhraseMatcher section = null;
        int lineNumber = 0;
        for (String raw : text.split("\n")) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String heading = line.substring(1, line.length() - 1);
                if (!known.test(heading)) {
                    throw new IllegalArgumentException(name + ":" + lineNumber + ": unknown section " + line);
                }
                section = sections.computeIfAbsent(heading, s -> new PhraseMatcher());
                continue;
            }
            if (section == null) {
                throw new IllegalArgumentException(name + ":" + lineNumber + ": a phrase before any [section]");
            }
            for (String expanded : Lexicon.expand(line)) {
                section.add(Lexicon.phrase(expanded, name, lineNumber));
            }
        }
        return new PhraseBook(name, sections);
    }

    /** A section's phrases, or an empty matcher when the book has none. */
    PhraseMatcher matcher(String section) {
        return sections.getOrDefault(section, new PhraseMatcher());
    }

    public Set<String> sections() {
        return sections.keySet();
    }

    /** Reads a text once: the sections that have a phrase in it. */
    public Found find(String text) {
        Normalized normalized = Normalized.of(text);
        PhraseMatcher.Tokens words = PhraseMatcher.Tokens.of(normalized.words());
        Map<String, String> found = new LinkedHashMap<>();
        sections.forEach((section, matcher) -> {
            int[] span = matcher.find(words);
            if (span != null) {
                int[] original = normalized.wordsSpan(span[0], span[1]);
                found.put(section, text.substring(original[0], original[1]));
            }
        });
        return new Found(normalized.words(), found);
    }

    /**
     * What a phrase book found in a text.
     *
     * @param words the text's normalised words (for rules that look at word order)
     * @param sections per section with a match, the first matching phrase as written in the text
     */
    public record Found(String words, Map<String, String> sections) {
        public Found {
            sections = Map.copyOf(sections);
        }

        public boolean has(String section) {
            return sections.containsKey(section);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
