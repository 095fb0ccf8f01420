package org.sweetie.persona;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sweetie.analysis.ReadWord;

/**
 * What a draft of hers does, read from its words and their concepts: asks about him, asks his taste, offers to show
 * him something, states her age, names a price or a number. Small readings the guard's rules are made of; each says
 * in its comment which lines it is for.
 */
final class DraftActs {
    private DraftActs() {
    }

    /** Whether the draft's first word is a bare yes ("ja! wir haben einen hund"). */
    static boolean startsWithYes(List<ReadWord> words) {
        return !words.isEmpty() && BARE_YES.contains(words.getFirst().word());
    }

    /** Whether the draft opens puzzled ("ha?", "huh", "bakit"). */
    static boolean startsPuzzled(List<ReadWord> words) {
        return !words.isEmpty() && PUZZLED.contains(words.getFirst().word());
    }

    /** Whether an assent phrase is a question word the assent list holds for deferrals ("when?"). */
    static boolean isQuestionWord(String phrase) {
        return QUESTION_WORDS.contains(phrase);
    }

    /** Whether she states her age ("mam 10 lat", "no po im 10"): no counter-offer. */
    static boolean statesHerAge(String text) {
        return AGE_STATED.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** A sum in thousands in the draft ("1k"), if any. */
    static Optional<String> thousands(String text) {
        java.util.regex.Matcher m = THOUSANDS.matcher(text.toLowerCase(Locale.ROOT));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** Whether his line names a sum without its currency ("300 lang ok na?"). */
    static boolean namesBarePrice(String partnerSaid) {
        return PRICE_NAMED.matcher(partnerSaid).find();
    }

    /** Whether the draft holds a heart written as text ("<3", "<333"), which reading as words would lose. */
    static boolean heartEmoticon(String text) {
        return text.contains("<3");
    }

    /** Whether the draft holds a liking word ("like", "gusto", "willst", "chcesz"). */
    static boolean likes(List<ReadWord> words) {
        return words.stream().anyMatch(w -> LIKING.contains(w.word()));
    }

    /** A question to him that asks his liking or what she should wear ("which one u like, pe or skirt?"). */
    static boolean takesItFurther(List<ReadWord> words) {
        return words.stream().anyMatch(w -> LIKING.contains(w.word()) || w.concepts().contains("CLOTHES")
                || w.concepts().contains("WEAR") || w.concepts().contains("UNDERWEAR"));
    }

    /** Showing or giving, and him: "jag kan visa dig", "i can show u", "ich schick dir was". */
    static boolean showsHim(List<ReadWord> words) {
        return words.stream().anyMatch(w -> w.concepts().contains("YOU"))
                && words.stream().anyMatch(w -> (w.concepts().contains("SHOW") || w.concepts().contains("GIVE"))
                && !w.concepts().contains("YOU") && w.word().length() > 2); // not Cebuano's "gi-" prefix
    }

    /** "1k", "2k": a sum in thousands, as offers name them. */
    private static final java.util.regex.Pattern THOUSANDS = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\d])\\d+(?:[.,]\\d)?k(?![\\p{L}\\d])");

    /**
     * A question to him about what he likes in children: "do u want a girl my age po?", "gusto nyo po ba yung mga
     * bata pa?". A liking word and a child word in one question; "do u have kids?" has no liking word.
     */
    static boolean asksHisTaste(List<ReadWord> words, String text) {
        List<ReadWord> question = lastQuestion(words, text);
        if (question.stream().anyMatch(w -> w.concepts().contains("YOU"))
                && question.stream().anyMatch(w -> w.concepts().contains("CLOTHES") || w.concepts().contains("WEAR")
                || w.concepts().contains("UNDERWEAR"))) {
            return true; // "do u like my dress?", "unsa man imong gusto nga sul-ob nako?"
        }
        return text.indexOf('?') >= 0 && words.stream().anyMatch(w -> LIKING.contains(w.word()))
                && words.stream().anyMatch(w -> w.concepts().contains("CHILD") || w.concepts().contains("CHILD_STRONG")
                || w.concepts().contains("AGE_Q") || GIRL.contains(w.word()));
    }

    /**
     * The words of the draft's question, from the sentence break before its question mark: in "i wear glasses
     * hehe, what about u, where r u from?" the glasses are hers, not part of what she asks.
     */
    static List<ReadWord> lastQuestion(List<ReadWord> words, String text) {
        int mark = text.lastIndexOf('?');
        if (mark < 0) {
            return List.of();
        }
        int start = Math.max(Math.max(text.lastIndexOf('.', mark), text.lastIndexOf('!', mark)),
                Math.max(text.lastIndexOf(',', mark), text.lastIndexOf('?', mark - 1)));
        String asked = text.substring(start + 1, mark).toLowerCase(Locale.ROOT);
        return words.stream().filter(w -> asked.contains(w.word())).toList();
    }

    /** Saying she likes older men: a liking word and an "older" word ("mas gusto ko po yung matatanda"). */
    static boolean likesOlder(List<ReadWord> words) {
        if (words.stream().noneMatch(w -> LIKING.contains(w.word()))) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            boolean sibling = i + 1 < words.size() && SIBLINGS.contains(words.get(i + 1).word()); // "my older sister"
            if (OLDER.contains(words.get(i).word()) && !sibling) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> SIBLINGS = Set.of("brother", "sister", "bro", "sis", "cousin", "cousins",
            "siblings", "kuya", "ate", "igsoon", "kapatid", "bruder", "schwester", "broer", "zus", "hermano", "hermana",
            "frère", "frere", "sœur", "soeur", "irmão", "irmao", "irmã", "irma", "fratello", "sorella", "bror",
            "syster", "brat", "siostra", "брат", "сестра");

    private static final Set<String> OLDER = Set.of("older", "matanda", "matatanda", "magulang", "tigulang",
            "tiguwang", "gulang", "mas matanda",
            "âgés", "ages", "altere", "ouder", "oudere", "mayores", "velhos", "grandi", "äldre",
            "starszych", "starsi", "старше", "взрослых", "взрослые");

    private static final Set<String> LIKING = Set.of("like", "likes", "want", "wants", "prefer", "love", "gusto",
            "ganahan", "mahilig", "aime", "aimes", "magst", "mag", "gillar", "lubisz", "любишь", "нравятся", "gosta",
            "gustan", "gustas", "piacciono", "piace", "houd", "vind", "wil", "willst", "veux", "quieres", "vuoi",
            "lyk", "liek", "prefiero", "préfère", "prefiro", "preferisco", "föredrar", "wolę", "люблю", "нравится",
            "chcesz", "хочешь", "queres", "vill", "wilt", "wanna");
    private static final Set<String> GIRL = Set.of("girl", "girls", "gurl", "gurls", "babae", "batang", "bata",
            "mädchen", "madchen", "meisjes", "meisje", "chicas", "niñas", "ninas", "filles", "meninas", "ragazze",
            "bambine", "tjejer", "flickor", "dziewczynki", "девочки", "девочек", "kids", "children");

    /** A question about an age: "ile masz lat?", "how old r u". */
    static boolean asksAge(List<ReadWord> words) {
        return words.stream().anyMatch(w -> w.concepts().contains("AGE_Q"));
    }

    /** Her age said with its unit or after "I am": "mam 10 lat", "im 10", "10 na ko", "tengo 10 años". */
    private static final java.util.regex.Pattern AGE_STATED = java.util.regex.Pattern.compile(
            "(?<![\\p{L}])(?:i'?m|i am|tengo|mam|мне|ich bin|je suis|j'ai|ik ben|jag är|jeg er|eu tenho|ho|sono)"
            + "\\s+(?:only\\s+|just\\s+|lang\\s+)?1?\\d(?!\\d)"
            + "|(?<!\\d)1?\\d\\s*(?:yo|y/o|yrs?|years?|años|anos|ans|anni|jahre|jaar|år|ar|lat|лет|года|"
            + "na ko|pa ko|na ako|pa ako|ko)(?![\\p{L}])");

    /** "ano fb mo po?", "do u have ig?": a question to him; drawing him out is the point. */
    static boolean asksAboutHim(List<ReadWord> words, String text) {
        return text.indexOf('?') >= 0 && words.stream().anyMatch(w -> w.concepts().contains("YOU"));
    }

    /** A number in the draft, other than a clock time: "only 20??" after an offer is haggling. */
    static Optional<String> number(String text) {
        java.util.regex.Matcher m = NUMBER.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** A bare sum he names, without its currency: "300 lang ok na?", "200 ra", "only 50". */
    private static final java.util.regex.Pattern PRICE_NAMED = java.util.regex.Pattern.compile(
            "(?<!\\d)\\d{3,}(?![\\d:])|(?<!\\d)\\d+\\s*(?:lang|nalang|na lang|ra|nlng|only)(?![\\p{L}])"
            + "|(?<![\\p{L}])(?:only|just)\\s+\\d+");

    private static final Set<String> BARE_YES = Set.of("yes", "ja", "oui", "sim", "tak", "да", "oo", "opo", "si", "sí",
            "yeah", "yep", "jo", "jep");

    private static final Set<String> PUZZLED = Set.of("ha", "huh", "hä", "why", "bakit", "ngano", "warum",
            "pourquoi");

    /** Question words the assent list holds for deferrals ("when?"); in "how old r u?" they ask about him. */
    private static final Set<String> QUESTION_WORDS = Set.of("how", "when", "what kind");

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "(?<![\\d:])(?<!(?:at|alas|um|à|a las|om|kl) )\\d+(?![\\d:]|\\s?(?:am|pm|o'?clock|h\\b|min|mins|minute|"
            + "minutes|minuto|minutos|sec|secs|hour|hours|oras|hrs))");

}
