package org.sweetie.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words to concepts, per language: {@code analysis/concepts/<language>.txt} lists, for each concept, the words and
 * short phrases that carry it ({@code UNDRESS: undress, strip, take ~ off, ...}). Words are normalised like messages
 * and stemmed with their language's stemmer, so one entry reads its inflections ("undress" reads "undressing",
 * "ausziehen" reads "ausgezogen" where Snowball joins them). Words of fewer than four letters, and words written
 * with a trailing {@code =}, are matched exactly: short stems of one language are too often words of another.
 * {@code any.txt} holds what belongs to no language (emoji, brand and service names, chat shorthand).
 *
 * <p>A token's reading (its concepts, its stems, the phrases it can start) is computed once and cached, so a message
 * costs one hash lookup per word once the vocabulary of a deployment has been seen.
 */
final class ConceptDictionary {
    static final List<String> LANGUAGES = List.of("en", "nl", "de", "es", "fr", "pt", "it", "sv", "da", "no", "pl",
            "ru", "tl");
    private static final int MIN_STEMMED = 4;
    private static final int CACHE_LIMIT = 200_000;

    private final Concepts concepts;
    private final Stemmers[] stemmers;
    private final Stemmers.Stemmer[] stemmerInstances;
    private final Map<String, Long> exact = new HashMap<>();
    private final List<Map<String, Long>> stemmed = new ArrayList<>();
    /** Phrases by their first word: exact first words, and per language the stem of the first word. */
    private final Map<String, List<Phrase>> phrasesByExactStart = new HashMap<>();
    private final List<Map<String, List<Phrase>>> phrasesByStemStart = new ArrayList<>();
    private final Map<String, TokenInfo> cache = new ConcurrentHashMap<>();
    /** Concepts too common to make a compound by themselves ("dich", "wat"). */
    private final long weakConcepts;

    /** A phrase entry: its words (stemmed in its language, or exact) with gaps, and the concept it carries. */
    record Phrase(int language, String[] words, boolean[] exactWord, boolean[] gapBefore, int concept,
                  String source) {
    }

    /** What one token carries: single-word concepts, its stem in every language, the phrases it may start. */
    record TokenInfo(long concepts, String[] stems, List<Phrase> starts) {
    }

    private ConceptDictionary(Concepts concepts) {
        this.concepts = concepts;
        long weak = 0;
        for (String name : List.of("YOU", "ME", "MY", "REQUEST", "QUESTION", "NEG", "ON", "TIME", "SEE", "SHOW",
                "NUMBER")) {
            weak |= concepts.id(name) < 0 ? 0 : 1L << concepts.id(name);
        }
        this.weakConcepts = weak;
        this.stemmers = new Stemmers[LANGUAGES.size()];
        this.stemmerInstances = new Stemmers.Stemmer[LANGUAGES.size()];
        for (int i = 0; i < stemmers.length; i++) {
            stemmers[i] = Stemmers.of(LANGUAGES.get(i));
            stemmerInstances[i] = stemmers[i].create();
            stemmed.add(new HashMap<>());
            phrasesByStemStart.add(new HashMap<>());
        }
    }

    Concepts concepts() {
        return concepts;
    }

    static ConceptDictionary load(Concepts concepts) {
        ConceptDictionary dictionary = new ConceptDictionary(concepts);
        for (int i = 0; i < LANGUAGES.size(); i++) {
            String name = "concepts/" + LANGUAGES.get(i) + ".txt";
            dictionary.parse(name, Resources.text("/analysis/" + name), i);
        }
        dictionary.parse("concepts/any.txt", Resources.text("/analysis/concepts/any.txt"), -1);
        return dictionary;
    }

    /** A dictionary from one text (tests): language -1 matches exactly. */
    static ConceptDictionary parse(Concepts concepts, String name, String text, String language) {
        ConceptDictionary dictionary = new ConceptDictionary(concepts);
        dictionary.parse(name, text, language == null ? -1 : LANGUAGES.indexOf(language));
        return dictionary;
    }

    private void parse(String name, String text, int language) {
        Stemmers.Stemmer stemmer = language < 0 ? null : stemmers[language].create();
        int lineNumber = 0;
        for (String raw : text.split("\n")) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(name + ":" + lineNumber + ": expected 'CONCEPT: word, word, ...'");
            }
            String conceptName = line.substring(0, colon).strip();
            int concept = concepts.id(conceptName);
            if (concept < 0) {
                throw new IllegalArgumentException(name + ":" + lineNumber + ": unknown concept " + conceptName
                        + " (known: " + concepts.names() + ")");
            }
            for (String entry : line.substring(colon + 1).split(",")) {
                if (!entry.isBlank()) {
                    add(entry.strip(), concept, language, stemmer, name + ":" + lineNumber);
                }
            }
        }
    }

    private void add(String entry, int concept, int language, Stemmers.Stemmer stemmer, String source) {
        List<String> words = new ArrayList<>();
        List<Boolean> exactWords = new ArrayList<>();
        List<Boolean> gaps = new ArrayList<>();
        boolean gapNext = false;
        for (String raw : entry.split("\\s+")) {
            if (raw.equals("~")) {
                gapNext = true;
                continue;
            }
            boolean forceExact = raw.endsWith("=") && raw.length() > 1;
            String word = forceExact ? raw.substring(0, raw.length() - 1) : raw;
            PhraseMatcher.Tokens tokens = PhraseMatcher.Tokens.of(Normalized.of(word).words());
            for (int t = 0; t < tokens.count(); t++) {
                String token = tokens.word(t);
                String stem = forceExact || stemmer == null ? token : stemmer.stem(token);
                // a short stem of one language is too often a word of another ("cams" -> "cam" meets "came")
                boolean isExact = forceExact || stemmer == null || token.length() < MIN_STEMMED
                        || stem.length() < MIN_STEMMED;
                words.add(isExact ? token : stem);
                exactWords.add(isExact);
                gaps.add(gapNext && t == 0);
            }
            gapNext = false;
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException(source + ": not a word: '" + entry + "'");
        }
        if (words.size() == 1) {
            Map<String, Long> index = exactWords.getFirst() ? exact : stemmed.get(language);
            index.merge(words.getFirst(), 1L << concept, (a, b) -> a | b);
            return;
        }
        boolean[] exactArray = new boolean[words.size()];
        boolean[] gapArray = new boolean[words.size()];
        for (int i = 0; i < exactArray.length; i++) {
            exactArray[i] = exactWords.get(i);
            gapArray[i] = gaps.get(i);
        }
        Phrase phrase = new Phrase(language, words.toArray(String[]::new), exactArray, gapArray, concept,
                source + " '" + entry + "'");
        Map<String, List<Phrase>> index = exactArray[0] ? phrasesByExactStart : phrasesByStemStart.get(language);
        index.computeIfAbsent(phrase.words()[0], k -> new ArrayList<>()).add(phrase);
    }

    /** The reading of one normalised token, from the cache when it was seen before. */
    TokenInfo token(String token) {
        TokenInfo info = cache.get(token);
        if (info == null) {
            info = compute(token);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(token, info);
            }
        }
        return info;
    }

    private TokenInfo compute(String token) {
        long mask = exact.getOrDefault(token, 0L);
        if (!token.isEmpty() && Character.isSurrogate(token.charAt(0)) || token.codePoints().anyMatch(
                cp -> Character.getType(cp) == Character.OTHER_SYMBOL)) {
            mask |= symbols(token);
        }
        String[] stems = new String[stemmers.length];
        if (token.length() >= MIN_STEMMED && Character.isLetter(token.charAt(0))) {
            for (int i = 0; i < stemmers.length; i++) {
                stems[i] = stem(i, token);
                mask |= stemmed.get(i).getOrDefault(stems[i], 0L);
            }
        }
        TokenInfo elided = mask == 0 ? elided(token) : null;
        if (mask == 0) {
            mask = elided == null ? compound(token) : elided.concepts();
        }
        List<Phrase> starts = new ArrayList<>(phrasesByExactStart.getOrDefault(token, List.of()));
        if (elided != null) {
            starts.addAll(elided.starts());
        }
        for (int i = 0; i < stems.length; i++) {
            if (stems[i] != null) {
                starts.addAll(phrasesByStemStart.get(i).getOrDefault(stems[i], List.of()));
            }
        }
        return new TokenInfo(mask, stems, List.copyOf(starts));
    }

    /**
     * A French or Italian word behind an elided article or pronoun ("t'envoie", "d'argent", "j'te", "l'ho"): the
     * word after the apostrophe is read, and the elided word with it ("t'" is "te"). Null when the token is no such
     * word; English contractions ("don't", "i'm") keep a head too long or a tail too short to be read this way.
     */
    private TokenInfo elided(String token) {
        int apostrophe = Math.max(token.lastIndexOf('\''), token.lastIndexOf('\u2019'));
        if (apostrophe <= 0 || apostrophe > 4 || token.length() - apostrophe - 1 < 2) {
            return null;
        }
        String head = token.substring(0, apostrophe);
        if (head.length() > 2 && !head.endsWith("ll")) {
            return null;
        }
        TokenInfo tail = token(token.substring(apostrophe + 1));
        long headConcepts = head.length() <= 2 ? token(head.endsWith("e") ? head : head + "e").concepts() : 0;
        return new TokenInfo(tail.concepts() | headConcepts, tail.stems(), tail.starts());
    }

    /**
     * A compound that no list holds, read as its two parts when both are known ("videozvonok", "nacktbilder",
     * "webcamshow"): German, Dutch, the Scandinavian languages and Russian make these freely. Only long words that
     * are no common word, parts of four letters or more (three where the part is an exact entry, "cam"), and at
     * least one part must carry more than a pronoun or a question.
     */
    private long compound(String token) {
        if (token.length() < 7 || !token.chars().allMatch(Character::isLetter)
                || CommonWords.contains(CommonWords.fold(token))) {
            return 0;
        }
        for (int cut = 3; cut <= token.length() - 4; cut++) {
            String left = token.substring(0, cut);
            long leftConcepts = cut < MIN_STEMMED ? exact.getOrDefault(left, 0L) : token(left).concepts();
            if (leftConcepts == 0) {
                continue;
            }
            long rightConcepts = token(token.substring(cut)).concepts();
            if (rightConcepts != 0 && ((leftConcepts | rightConcepts) & ~weakConcepts) != 0) {
                return leftConcepts | rightConcepts;
            }
        }
        return 0;
    }

    /** Emoji and symbols each carry their own concept, also when several are written together. */
    private long symbols(String token) {
        long mask = 0;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            mask |= exact.getOrDefault(new String(Character.toChars(cp)), 0L);
            i += Character.charCount(cp);
        }
        return mask;
    }

    /**
     * One stemmer per language, kept: Snowball stemmers hold state while they work, so each is used by one thread at
     * a time. This runs only for a word not seen before, but the import path meets many of those.
     */
    private String stem(int language, String token) {
        Stemmers.Stemmer stemmer = stemmerInstances[language];
        synchronized (stemmer) {
            return stemmer.stem(token);
        }
    }

    static boolean matches(Phrase phrase, int w, String token, String[] stems) {
        if (phrase.exactWord()[w]) {
            return phrase.words()[w].equals(token);
        }
        return stems[phrase.language()] != null && phrase.words()[w].equals(stems[phrase.language()]);
    }

    /** For tests and --explain: the concept names of a mask. */
    List<String> names(long mask) {
        return concepts.namesOf(mask);
    }

    /**
     * The concept names, in the order the rules file declares them; at most 64, one bit each.
     */
    static final class Concepts {
        private final Map<String, Integer> ids = new LinkedHashMap<>();

        Concepts(List<String> names) {
            for (String name : names) {
                if (ids.size() == 64) {
                    throw new IllegalArgumentException("more than 64 concepts: " + name);
                }
                ids.putIfAbsent(name, ids.size());
            }
        }

        int id(String name) {
            return ids.getOrDefault(name, -1);
        }

        long bit(String name) {
            int id = id(name);
            if (id < 0) {
                throw new IllegalArgumentException("unknown concept " + name);
            }
            return 1L << id;
        }

        List<String> names() {
            return List.copyOf(ids.keySet());
        }

        List<String> namesOf(long mask) {
            List<String> out = new ArrayList<>();
            ids.forEach((name, id) -> {
                if ((mask & (1L << id)) != 0) {
                    out.add(name);
                }
            });
            return out;
        }
    }
}
