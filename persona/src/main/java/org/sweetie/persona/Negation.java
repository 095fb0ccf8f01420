package org.sweetie.persona;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sweetie.analysis.ReadWord;

/**
 * Where a refusal negates what it names, in the persona's twelve languages: a negation before the topic word ("i will
 * not take off", "ayoko po maghubad", "no me quito"), after it as Germanic languages, Russian, Polish and French "pas"
 * put it ("ich schicke keine fotos", "камеру не включу"), and the words that reopen a refusal ("no, but...").
 */
final class Negation {
    private Negation() {
    }

    /** Whether a "but" or an "if" reopens what a refusal closed. */
    static boolean reopened(String text) {
        return CONTRAST.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** Whether the whole line is her telling her mother (see {@link #TELLS_PARENT}). */
    static boolean tellsParent(String text) {
        return TELLS_PARENT.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** Whether a word of a phrase is itself a negation: "i wont tell" promises, it does not refuse. */
    static boolean isNegationWord(String word) {
        return NEGATION.matcher(word).matches() || BARE_NO.contains(word);
    }

    /** "keine", "niemand", "ingen": a word that negates is not the topic a refusal names. */
    static boolean negator(List<ReadWord> words, String word) {
        return NEGATION.matcher(word).matches() || words.stream().anyMatch(w -> w.word().equals(word)
                && (w.concepts().contains("NEG") || w.concepts().contains("DENY"))
                && NEGATING.containsAll(w.concepts()));
    }

    /** What a word that only negates carries ("keine": NEG, NOBODY); "n'enlève" carries UNDRESS too. */
    private static final Set<String> NEGATING = Set.of("NEG", "DENY", "NOBODY", "WITHOUT", "NOTHING", "QUESTION");

    /**
     * Whether every topic word of a refusal is itself negated: "nein, ich schicke keine fotos", "ik doe mijn camera
     * niet aan". One topic word left standing ("no pics. cam ok?") and the line is no refusal.
     */
    static boolean refusesEveryTopic(String text, List<String> topicWords) {
        return !topicWords.isEmpty() && topicWords.stream().allMatch(w -> negated(text, w));
    }

    static boolean negated(String text, String phrase) {
        return phrase != null && (negatedBefore(text, phrase) || negatedAfter(text, phrase.split(" ")[0]));
    }

    /** A negation that follows the verb, as Germanic languages and French "pas" put it, up to three words on. */
    static boolean negatedAfter(String text, String word) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(word);
        if (at < 0) {
            return false;
        }
        String clause = lower.substring(at + word.length()).split("[.,!?;:]", -1)[0];
        List<String> after = java.util.Arrays.stream(clause.strip().split("\\s+"))
                .filter(w -> !w.isEmpty()).limit(4).toList();
        return after.stream().anyMatch(w -> POST_NEGATION.matcher(w).matches());
    }

    private static final java.util.regex.Pattern POST_NEGATION = java.util.regex.Pattern.compile(
            "nicht|niet|inte|ikke|pas|kein|keine|keinen|geen|ingen|inga|niente|nada|nothing|nunca|jamais|не|nie");

    /**
     * Telling her mother, and nothing after it: "i tell mama everything po", "ik zeg alles tegen mama", "я скажу
     * маме" refuse a secret, the whole line; "ill tell mama im at my friends house" and "cge po ganun sasabihin ko
     * kay mama" are the lie he asked for, not a refusal.
     */
    private static final java.util.regex.Pattern TELLS_PARENT = java.util.regex.Pattern.compile(
            "^(?:(?:no|nein|nee|nej|non|nie|нет|hindi|dili|ayoko|ayaw|wag|why|bakit|ngano|ha|huh|warum|pourquoi)"
            + "\\p{Punct}*\\s*(?:po\\p{Punct}*\\s*)?)*"
            + "(?:i(?:'ll|ll| will)? tell|ik zeg(?: alles| het)? tegen|ich sag(?:e)?(?: es| alles)?|powiem|я скажу|"
            + "sasabihin ko(?: po)? kay|isusumbong kita(?: po)? kay|isulti nako(?: ni)? (?:kay|kang)|se lo digo a|"
            + "je le dis à|lo dico a) (?:my )?"
            + "(?:mama|mom|mum|mommy|mamie|маме|mamá|maman|mutti|mamma)(?:\\s+(?:everything|alles|lahat|tanan|po|ha))*"
            + "\\s*[.!]*$");

    static boolean negatedBefore(String text, String phrase) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = phrase == null ? -1 : lower.indexOf(phrase.split(" ")[0]);
        if (at < 0) {
            return false;
        }
        // the three words right before it, "po" aside, not across a comma or a full stop: "no. i can show you" is no
        // negation; a bare "no" negates only the word right after it ("no pics"), else it is "no lol ..."
        String[] clause = lower.substring(0, at).split("[.,!?;:]", -1);
        List<String> before = java.util.Arrays.stream(clause[clause.length - 1].strip().split("\\s+"))
                .filter(w -> !w.isEmpty() && !w.equals("po") && !w.equals("opo")).toList();
        for (int i = Math.max(0, before.size() - 5); i < before.size(); i++) {
            String w = unleet(before.get(i)); // "n0 c4m"
            if (NEGATION.matcher(w).matches() || BARE_NO.contains(w) && (onlyClitics(before, i + 1)
                    || FIRST_PERSON_VERB.matcher(before.get(i + 1)).matches())) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern NEGATION = java.util.regex.Pattern.compile("not|never|dont|don't|"
            + "won't|wont|cant|can't|cannot|ayoko|ayaw|hindi|di|dili|wala|walay|wag|huwag|nicht|nie|niet|pas|nunca|"
            + "jamais|mai|inte|ikke|не|kein|keine|keinen|keinem|geen|nooit|nada|nenhum|nessun|ingen|inga|inget|"
            + "niente|nulla|sem|sin|ni|без|nao|não|walang|nichts|nix|never|nunca|bawal");
    /** "no me quito": only pronouns between a bare "no" and the topic word, so the "no" negates it. */
    static boolean onlyClitics(List<String> words, int from) {
        return words.subList(from, words.size()).stream().allMatch(CLITICS::contains);
    }

    private static final Set<String> CLITICS = Set.of("me", "te", "se", "lo", "la", "le", "les", "mi", "ti", "si",
            "ci", "vi", "ne", "il", "a", "my", "mijn", "mein", "mon", "ma", "mes", "mis", "mio");

    static String unleet(String word) {
        return word.replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a');
    }

    /** "no quiero", "no voy", "non voglio": the Romance "no" before her own verb negates it. */
    private static final java.util.regex.Pattern FIRST_PERSON_VERB = java.util.regex.Pattern.compile(
            "\\p{L}{3,}o|voy|doy|estoy|soy|sei|ho");
    private static final Set<String> BARE_NO = Set.of("no", "non", "nao", "não", "nein", "nee", "nej", "nei", "нет");

    /** Words that reopen a refusal: "no, but...", "ayoko, pero kung...". */
    private static final java.util.regex.Pattern CONTRAST = java.util.regex.Pattern.compile(
            "(?<![\\p{L}])(?:but|unless|except|if|pero|kaso|basta|kung|maar|tenzij|aber|au(?:ss|ß)er|wenn|mais|"
            + "sauf|mas|men|ale|но|если|только)(?![\\p{L}])");

}
