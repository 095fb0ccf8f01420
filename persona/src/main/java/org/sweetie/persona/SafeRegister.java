package org.sweetie.persona;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sweetie.analysis.ReadWord;

/**
 * What a child persona says without a second person looking first (persona/register.txt): her everyday words, a few
 * safe emoji, and no risky concept. The guard allows a draft only inside this register; outside it, a draft that no
 * rule refuses is held for a supervisor. A closed register is what makes the guard fail closed: a line nobody
 * foresaw is not known to be safe.
 */
final class SafeRegister {
    private final Set<String> words;
    private final Set<String> emoji;
    private final Set<String> risky;

    private final List<List<String>> phrases;
    private final Set<String> schoolwork;
    private final Set<String> family;
    /** The register's words cut by up to three letters (at least four kept): what {@link #inflected} compares. */
    private final Set<String> prefixes;

    private SafeRegister(Set<String> words, Set<String> emoji, Set<String> risky, List<List<String>> phrases,
                         Set<String> schoolwork, Set<String> family) {
        this.schoolwork = Set.copyOf(schoolwork);
        this.family = Set.copyOf(family);
        this.words = Set.copyOf(words);
        Set<String> cut = new HashSet<>();
        for (String w : this.words) {
            for (int n = w.length(); n >= Math.max(4, w.length() - 3) && w.length() >= 4; n--) {
                cut.add(w.substring(0, n));
            }
        }
        this.prefixes = Set.copyOf(cut);
        this.emoji = Set.copyOf(emoji);
        this.risky = Set.copyOf(risky);
        this.phrases = List.copyOf(phrases);
    }

    /** This register and the persona's cover: her name, town and country are words she says. */
    SafeRegister plus(java.util.Collection<String> coverWords) {
        Set<String> all = new HashSet<>(words);
        coverWords.forEach(w -> all.add(w.toLowerCase(Locale.ROOT)));
        return new SafeRegister(all, emoji, risky, phrases, schoolwork, family);
    }

    static SafeRegister load() {
        try (InputStream in = SafeRegister.class.getResourceAsStream("/persona/register.txt")) {
            if (in == null) {
                throw new IllegalStateException("persona/register.txt is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read persona/register.txt", e);
        }
    }

    static SafeRegister parse(String text) {
        Set<String> words = new HashSet<>();
        Set<String> emoji = new HashSet<>();
        Set<String> risky = new HashSet<>();
        Set<String> phraseLines = new HashSet<>();
        Set<String> schoolwork = new HashSet<>();
        Set<String> family = new HashSet<>();
        Set<String> section = null;
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            switch (content) {
                case "[words]" -> section = words;
                case "[emoji]" -> section = emoji;
                case "[risky]" -> section = risky;
                case "[phrases]" -> section = phraseLines;
                case "[schoolwork]" -> section = schoolwork;
                case "[family]" -> section = family;
                default -> {
                    if (section == null) {
                        throw new IllegalArgumentException("persona/register.txt line " + number
                                + ": a section ([words], [emoji], [risky]) must come first");
                    }
                    if (section == phraseLines) {
                        phraseLines.add(content.toLowerCase(Locale.ROOT));
                        continue;
                    }
                    for (String item : content.split("\\s+")) {
                        section.add(section == risky ? item : item.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        List<List<String>> phrases = phraseLines.stream().map(p -> List.of(p.split("\\s+"))).toList();
        words.addAll(phraseLines.stream().flatMap(p -> java.util.Arrays.stream(p.split("\\s+"))).toList());
        words.addAll(schoolwork);
        words.addAll(family);
        return new SafeRegister(words, emoji, risky, phrases, schoolwork, family);
    }

    /**
     * The first word of the line outside the register, if any.
     *
     * @param inflections whether an inflection of a register word counts ("spielt" for "spielen"): yes for her lines,
     *                    no when judging whether his line can be read at all
     */
    Optional<String> unknownWord(List<ReadWord> read, boolean inflections) {
        return unknownWords(read, inflections).stream().findFirst();
    }

    /** The words of the draft outside the register, in order. */
    List<String> unknownWords(List<ReadWord> read, boolean inflections) {
        return read.stream().filter(w -> !known(w, inflections)).map(ReadWord::word).toList();
    }

    /** The first risky concept the draft touches, with the word that carries it; a safe phrase's words touch none. */
    Optional<String> riskyConcept(List<ReadWord> read) {
        return riskyConcept(read, false, false, false);
    }

    /**
     * As {@link #riskyConcept(List)}; in a line about her family or her homework ({@link #aside}) the things they
     * do (a camera, a photo, a video call, paying, money) are not his topic, and a question about his accounts may
     * name the app.
     */
    Optional<String> riskyConcept(List<ReadWord> read, boolean aside, boolean asksHisAccount,
                                  boolean statement) {
        boolean[] safe = inSafePhrase(read);
        List<String> hits = new java.util.ArrayList<>();
        boolean onlyWeak = true;
        for (int i = 0; i < read.size(); i++) {
            ReadWord word = read.get(i);
            if (safe[i]) {
                continue;
            }
            for (String concept : word.concepts()) {
                if (risky.contains(concept) && !(aside && ASIDE.contains(concept))
                        && !(asksHisAccount && concept.equals("APP"))) {
                    hits.add(concept + " ('" + word.word() + "')");
                    onlyWeak &= word.common() && WEAK_RISKY.contains(concept);
                }
            }
        }
        // In a statement of hers (not a question, not his line), one everyday word that another language or another
        // sense gives a risky concept ("she takes pics", "i will go play", "he is an aspin", "sama ni tita") is not
        // the topic; two such words ("take it off") are.
        return statement && hits.size() == 1 && onlyWeak ? Optional.empty() : hits.stream().findFirst();
    }

    /** Risky concepts that common words carry in some language or sense: one alone says too little. */
    private static final Set<String> WEAK_RISKY = Set.of("UNDRESS", "TOUCH", "TURN_ON", "GIVE", "SHOW", "ALONE",
            "BODY", "CALL");

    private static final Set<String> ASIDE = Set.of("CAMERA", "PICTURE", "VIDEO", "CALL", "PAY", "MONEY", "GIVE",
            "CURRENCY", "BUY", "LOAD", "GIFT", "HOW_MUCH", "SHOW", "APP", "TURN_ON");
    /** Concepts that turn a line towards him: speaking to him, switching on, showing ("papa sends money" does not). */
    private static final Set<String> TOWARDS_HIM = Set.of("YOU", "TURN_ON", "SHOW");

    /**
     * A line about her family or her schoolwork, not about him: a family member or a school sum is named, and
     * nothing in it speaks to him or asks ("my tita has a new camera", "if a pencil costs 15 pesos...").
     */
    boolean aside(List<ReadWord> read, String text) {
        boolean family = false;
        for (int i = 0; i < read.size(); i++) {
            ReadWord word = read.get(i);
            if (word.concepts().stream().anyMatch(TOWARDS_HIM::contains)) {
                return false;
            }
            family |= this.family.contains(word.word()) && !addressesHim(read, i) || schoolwork.contains(word.word());
        }
        return family && (text.indexOf('?') < 0 || read.stream().anyMatch(w -> schoolwork.contains(w.word())));
    }

    /**
     * "kuya" and "ate" are how she speaks to him ("400 nalang kuya"); they name her brother or sister only after a
     * marker ("si kuya", "akong kuya", "my kuya").
     */
    private static boolean addressesHim(List<ReadWord> read, int i) {
        String w = read.get(i).word();
        if (!w.equals("kuya") && !w.equals("ate")) {
            return false;
        }
        return i == 0 || !Set.of("si", "ni", "kay", "ang", "akong", "ako", "my", "sa", "ng", "mga")
                .contains(read.get(i - 1).word());
    }

    /**
     * An inflection of a register word: the two share all but their last three letters, and at least four ("wohnst"
     * and "wohne", "spielt" and "spielen", "nagdula" and "nagdulaan"). A rough stem, enough for a closed vocabulary;
     * the risky concepts are read by the reading layer's own stemmers, not by this.
     */
    private boolean inflected(String w) {
        if (w.length() < 5 || !w.chars().allMatch(Character::isLetter)) {
            return false;
        }
        for (int n = w.length(); n >= Math.max(4, w.length() - 3); n--) {
            if (prefixes.contains(w.substring(0, n))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a concept of the reading layer is one a persona line may not touch on its own initiative. */
    boolean isRisky(String concept) {
        return risky.contains(concept);
    }

    /** The words of the draft that carry a risky concept. */
    List<String> riskyWords(List<ReadWord> read) {
        return read.stream().filter(w -> w.concepts().stream().anyMatch(risky::contains)).map(ReadWord::word).toList();
    }

    /** Words inside a phrase of the register ("alis na ko" is a farewell, not undressing). */
    private boolean[] inSafePhrase(List<ReadWord> read) {
        boolean[] safe = new boolean[read.size()];
        for (List<String> phrase : phrases) {
            for (int i = 0; i + phrase.size() <= read.size(); i++) {
                boolean match = true;
                for (int k = 0; k < phrase.size() && match; k++) {
                    match = read.get(i + k).word().equals(phrase.get(k));
                }
                if (match) {
                    java.util.Arrays.fill(safe, i, i + phrase.size(), true);
                }
            }
        }
        return safe;
    }

    private boolean known(ReadWord word, boolean inflections) {
        String w = word.word();
        if (word.common() || !word.concepts().isEmpty() || words.contains(w) || emoji.contains(w)
                || inflections && inflected(w)) {
            return true;
        }
        if (w.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',' || c == ':' || c == '/')) {
            return true; // an age, a grade, a clock time; a price is refused before this is asked
        }
        if (w.endsWith("'s") && w.length() > 2 && known(new ReadWord(w.substring(0, w.length() - 2),
                word.concepts(), word.common()), inflections)) {
            return true; // "my ate's new phone"
        }
        // emoji written with a variation selector, and words with an apostrophe or a hyphen ("ma'am", "k-pop")
        String bare = w.replace("\uFE0F", "");
        return emoji.contains(bare) || w.chars().anyMatch(c -> c == '\'' || c == '-')
                && java.util.Arrays.stream(w.split("['\\-]")).allMatch(p -> p.isEmpty() || words.contains(p));
    }
}
