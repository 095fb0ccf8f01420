package org.sweetie.persona;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.PhraseBook;
import org.sweetie.analysis.ReadWord;
import org.sweetie.analysis.TextFacts;
import org.sweetie.core.Identifier;
import org.sweetie.core.IdentifierType;
import org.sweetie.core.Topic;

/**
 * Decides whether the persona may say a draft. The persona never produces sexual content, never starts or advances
 * a sexual, payment or webcam topic, never offers, accepts or agrees to anything, never names a price or a payment
 * method, never asks for or promises images or a camera, never shows interest in what the partner proposes, and
 * never offers a way to reach her. Persona facts, small talk, refusals, confusion and questions that draw out who
 * the partner is pass.
 *
 * <p>Drafts are read as the analysis reads messages (the same normalisation, leetspeak, spaced letters, invisible
 * characters, languages) plus the guard's own, broader vocabulary ({@code persona/guard.txt}). A deterrence warning
 * may name the offence (its topic words), and a help service's address from the warning library; nothing else in it
 * may invite. The rules run in a fixed order and the first that refuses names the decision.
 */
public final class EntrapmentGuard {
    private static final Set<String> TOPIC_SECTIONS = Set.of("sexual", "webcam", "images", "payment", "meeting",
            "secrecy");

    private final Analyzer analyzer;
    private final PhraseBook vocabulary;
    private final SafeRegister register;
    private final Set<String> helpHosts;

    /**
     * @param helpHosts the hosts of help services a warning may point to (lower case, e.g. stopitnow.org.uk)
     */
    EntrapmentGuard(Analyzer analyzer, PhraseBook vocabulary, SafeRegister register, Set<String> helpHosts) {
        this.analyzer = analyzer;
        this.vocabulary = vocabulary;
        this.register = register;
        this.helpHosts = Set.copyOf(helpHosts);
    }

    /** This guard, with the persona's cover words (name, town, country) in the register. */
    public EntrapmentGuard knowing(java.util.Collection<String> coverWords) {
        return new EntrapmentGuard(analyzer, vocabulary, register.plus(coverWords), helpHosts);
    }

    public static EntrapmentGuard standard(Analyzer analyzer, Set<String> helpHosts) {
        return new EntrapmentGuard(analyzer, PhraseBook.load("/persona/guard.txt"), SafeRegister.load(), helpHosts);
    }

    public Decision decide(Draft draft) {
        String text = draft.text();
        Optional<String> hidden = hiddenCharacter(text);
        if (hidden.isPresent()) {
            return Decision.refuse(draft, "hidden-text", "it holds " + hidden.get()
                    + ", which hides or reorders what a reader sees");
        }
        if (text.isBlank()) {
            return Decision.refuse(draft, "empty", "there is nothing to say");
        }
        TextFacts facts = analyzer.read(text);
        PhraseBook.Found found = vocabulary.find(text);
        List<ReadWord> words = analyzer.words(text);
        boolean warning = draft.kind() == Draft.Kind.WARNING;
        // A refusal may name what it refuses ("ayoko po maghubad"), unless a "but" or an "if" reopens it; a question
        // about a word is not understanding it; a line about her family or her homework is not about him.
        // ... and only where its first risky word is itself negated ("no i wont turn on my cam", not "no lol turn on
        // ur cam")
        boolean refusalWord = (found.has("refusal") || TELLS_PARENT.matcher(text.toLowerCase(Locale.ROOT)).find())
                && !CONTRAST.matcher(text.toLowerCase(Locale.ROOT)).find();
        boolean refusing = refusalWord
                && refusesEveryTopic(text, topicWords(words, found));
        boolean confused = found.has("confusion");
        boolean aside = register.aside(words, text);

        if (facts.amount() != null && !aside) {
            return Decision.refuse(draft, "price", "it names an amount of money: '" + facts.amount() + "'");
        }
        java.util.regex.Matcher thousands = THOUSANDS.matcher(text.toLowerCase(Locale.ROOT));
        if (thousands.find() && !aside) {
            return Decision.refuse(draft, "price", "it names an amount of money: '" + thousands.group() + "'");
        }
        // a refusal excuses a topic word only where the word itself is negated: "ayoko po maghubad" refuses, "no lol
        // im naked" does not
        boolean sexual = facts.topics().contains(Topic.SEXUAL) || found.has("sexual");
        // a refusal excuses the topic where its words are negated; the analysis' own sexual topic has no phrase of
        // the vocabulary, and there the refusal's negated topic words answer for it ("não vou tirar a roupa")
        String sexualPhrase = found.sections().get("sexual");
        if (!warning && sexual && !(refusing && (sexualPhrase == null || negated(text, sexualPhrase)))) {
            return Decision.refuse(draft, "sexual-content", "it has sexual content" + quote(found, "sexual"));
        }
        if (found.has("offer") && !(refusing && negated(text, found.sections().get("offer")))) {
            return Decision.refuse(draft, "offer", "it offers, accepts or agrees to something" + quote(found, "offer"));
        }
        if (found.has("interest") || asksHisTaste(words, text) || likesOlder(words)) {
            return Decision.refuse(draft, "interest", "it shows interest in what is proposed"
                    + quote(found, "interest"));
        }
        if (!warning && found.has("affection") && !(refusing && negated(text, found.sections().get("affection")))) {
            return Decision.refuse(draft, "affection", "it shows affection or flirts" + quote(found, "affection"));
        }
        Optional<Identifier> contact = contactIn(facts.identifiers(), warning);
        if (contact.isPresent()) {
            return Decision.refuse(draft, "contact", "it gives a way to reach or pay the persona: '"
                    + contact.get().value() + "'");
        }
        if (found.has("contact") && !(refusing && negated(text, found.sections().get("contact")))) {
            return Decision.refuse(draft, "contact", "it offers a way to reach the persona" + quote(found, "contact"));
        }
        // a refusal may name a secret or being alone ("ayoko ng sikreto", "i dont keep secrets"), never promise one
        // ("i wont tell", "hindi ko sasabihin": the negation is part of the promise)
        String secret = found.sections().get("secrecy");
        boolean tellsParent = TELLS_PARENT.matcher(text.toLowerCase(Locale.ROOT)).find();
        boolean refusesSecret = tellsParent || refusing && secret != null && negated(text, secret)
                && java.util.Arrays.stream(secret.split(" ")).noneMatch(w -> NEGATION.matcher(w).matches()
                || BARE_NO.contains(w));
        if (!warning && !refusesSecret && (facts.secrecy() || found.has("secrecy"))) {
            return Decision.refuse(draft, "secrecy", "it advances secrecy or isolation" + quote(found, "secrecy"));
        }
        boolean refusal = refusalWord || confused; // any "no" answers a proposal safely; only a negated topic names it
        if (!warning && !refusing && !confused && found.has("meeting")) {
            return Decision.refuse(draft, "meeting", "it raises meeting in person" + quote(found, "meeting"));
        }
        if (!warning && !refusing && !aside) {
            Optional<Decision> topic = topicRule(draft, facts, found, confused, asksAge(words));
            if (topic.isPresent()) {
                return topic.get();
            }
        }
        if (!warning && !refusing && showsHim(words)) { // after the named topics, which say more
            return Decision.refuse(draft, "offer", "it offers to show or give him something");
        }
        String his = draft.partnerSaid() == null || draft.partnerSaid().isBlank() ? null : draft.partnerSaid();
        List<ReadWord> hisWords = his == null ? List.of() : analyzer.words(his); // his line, read once
        boolean proposed = his != null && proposal(his, hisWords);
        // "si" is Spanish yes and Tagalog's name marker ("si mama"): alone it is assent, in a sentence it is not
        boolean assent = found.has("assent") && !found.has("her-future")
                && !(SHORT_ASSENT.contains(found.sections().get("assent"))
                && words.size() > 2) && !(asksAge(words) && QUESTION_WORDS.contains(found.sections().get("assent")));
        if (assent && proposed) {
            return Decision.refuse(draft, "assent", "it answers a proposal or request with assent"
                    + quote(found, "assent"));
        }
        if (assent && !refusal && his != null && !asksAboutHim(words, text) && !yesAndAFact(words, text)
                && register.unknownWord(hisWords, false).isPresent()) {
            // she says yes to a line of his we cannot fully read: it may answer what he asked two lines before
            // ("kadtong gipangayo nako ganina ha": the thing I asked earlier, ok?), so a second person looks first
            return Decision.hold(draft, "assent-unclear", "it says yes" + quote(found, "assent")
                    + " to a line of his the guard cannot fully read");
        }
        Optional<String> number = number(text);
        if (proposed && number.isPresent() && !aside && !AGE_STATED.matcher(text.toLowerCase(Locale.ROOT)).find()
                && !asksAge(hisWords)) { // "no, only 20?" haggles too; "mam 10 lat", "no po im 10" is her age
            return Decision.refuse(draft, "haggle", "it answers a proposal with a number: '" + number.get() + "'");
        }
        return warning ? Decision.allow(draft) : inRegister(draft, words, refusing || confused, refusal, aside,
                proposed);
    }

    /**
     * No rule refuses the draft; it goes out only when it is known to be safe: every word in the persona's register,
     * no risky topic unless refused, and after a proposal only a refusal or a question.
     */
    private Decision inRegister(Draft draft, List<ReadWord> words, boolean namesTopic, boolean refusal,
                                boolean aside, boolean proposed) {
        List<String> unknown = register.unknownWords(words, true);
        if (!unknown.isEmpty() && !(proposed && !refusal || unknown.size() > 1 || words.size() < 4
                || draft.text().indexOf('?') >= 0 || !unknown.getFirst().chars().allMatch(Character::isLetter))) {
            // One word the register does not hold, in a statement of hers after no proposal or in a refusal: a
            // town, a pet's name, a verb of another language ("my lola took a photo of our dog bantay", "ayoko po,
            // bastos ka"). Every rule above has read it
            // and found nothing, and the risky concepts are still looked for below. A question to him, an emoji, a
            // word with digits, or a second unknown word is still held: that is where offers and flirting hide.
            unknown = List.of();
        }
        if (!unknown.isEmpty()) {
            return Decision.hold(draft, "register", "'" + unknown.getFirst()
                    + "' is not a word of the persona's register");
        }
        if (!namesTopic) {
            Optional<String> risky = register.riskyConcept(words, aside, asksAboutHim(words, draft.text()),
                    draft.text().indexOf('?') < 0);
            if (risky.isPresent()) {
                return Decision.hold(draft, "risky-topic", "it touches " + risky.get()
                        + ", which only a refusal may name");
            }
        }
        Optional<String> big = number(draft.text()).filter(n -> n.length() > 2 || Integer.parseInt(n) >= 18);
        if (big.isPresent() && !aside) {
            return Decision.hold(draft, "number", "'" + big.get() + "' is no age or grade of hers: a price or a "
                    + "number to reach her needs a second look");
        }
        // a question after a proposal may take it further ("what time po?" after "meet me at jollibee"): only one that
        // asks about him goes without a second look
        if (proposed && !refusal && !puzzled(words) && !(asksAboutHim(words, draft.text()) && !takesItFurther(words))) {
            return Decision.hold(draft, "after-proposal", "the partner proposed something: only a refusal or a "
                    + "question about him goes out without a second look");
        }
        return Decision.allow(draft);
    }

    /** The topics she may not raise; asking what a word means ("what is cam po?") is no webcam or images topic. */
    private static Optional<Decision> topicRule(Draft draft, TextFacts facts, PhraseBook.Found found,
                                                boolean confused, boolean asksAge) {
        if (!confused && (facts.topics().contains(Topic.WEBCAM) || found.has("webcam"))) {
            return Optional.of(Decision.refuse(draft, "webcam", "it raises or advances the webcam topic"
                    + quote(found, "webcam")));
        }
        if (!confused && found.has("images")) {
            return Optional.of(Decision.refuse(draft, "images", "it asks for or promises images"
                    + quote(found, "images")));
        }
        // "pila imong edad?", "ile masz lat?": how many years is no price
        if (!asksAge && (facts.topics().contains(Topic.PAYMENT) || found.has("payment"))) {
            return Optional.of(Decision.refuse(draft, "payment", "it raises money or a payment method"
                    + quote(found, "payment")));
        }
        // (also in a line about her family: "i can sneak out when mama is at work")
        if (!confused && found.has("meeting")) {
            return Optional.of(Decision.refuse(draft, "meeting", "it raises meeting in person"
                    + quote(found, "meeting")));
        }
        return Optional.empty();
    }

    /**
     * Whether the partner's message proposes or asks something, so that a "yes" would be agreement: the analysis'
     * topics, or any of the register's risky concepts in his words ("włączysz kamerkę?", "balhin ta sa telegram").
     */
    private boolean proposal(String partnerSaid, List<ReadWord> words) {
        if (asksAge(words) && words.stream().noneMatch(w -> w.concepts().stream()
                .anyMatch(c -> !c.equals("HOW_MUCH") && register.isRisky(c)))) {
            return false; // "pila imong edad?", "сколько тебе лет?": how many years is no price
        }
        if (vocabulary.find(partnerSaid).has("her-future")) {
            return false; // "what do you want to be when you grow up?"
        }
        TextFacts facts = analyzer.read(partnerSaid);
        if (!facts.topics().isEmpty() || facts.secrecy() || facts.amount() != null
                || register.riskyConcept(words).isPresent() || PRICE_NAMED.matcher(partnerSaid).find()) {
            return true;
        }
        PhraseBook.Found found = vocabulary.find(partnerSaid);
        return found.has("proposal") || TOPIC_SECTIONS.stream().anyMatch(found::has);
    }

    /** "ano fb mo po?", "do u have ig?": a question about his accounts names the app, and drawing him out is the point. */
    /** A bare sum he names, without its currency: "300 lang ok na?", "200 ra", "only 50". */
    private static final java.util.regex.Pattern PRICE_NAMED = java.util.regex.Pattern.compile(
            "(?<!\\d)\\d{3,}(?![\\d:])|(?<!\\d)\\d+\\s*(?:lang|nalang|na lang|ra|nlng|only)(?![\\p{L}])"
            + "|(?<![\\p{L}])(?:only|just)\\s+\\d+");

    /**
     * A yes followed by a fact of hers ("ja! wir haben einen hund", "tak! mam psa"): more than the yes, with no
     * second yes, time or maybe in it ("ja, heute abend", "yes po sure" stay a bare yes). What follows is judged by
     * the register like any statement.
     */
    private boolean yesAndAFact(List<ReadWord> words, String text) {
        long content = words.stream().filter(w -> !w.word().equals("po") && !w.word().equals("opo")).count();
        int space = text.strip().indexOf(' ');
        return content >= 3 && space > 0 && BARE_YES.contains(words.getFirst().word())
                && !vocabulary.find(text.strip().substring(space + 1)).has("assent")
                && words.stream().noneMatch(w -> w.concepts().contains("TIME"));
    }

    private static final Set<String> BARE_YES = Set.of("yes", "ja", "oui", "sim", "tak", "да", "oo", "opo", "si", "sí",
            "yeah", "yep", "jo", "jep");

    /**
     * Not understanding him, with no topic in it: "ha? bakit po", "huh?? im just 10 po", "ha? ngano man". A "why"
     * that names a topic ("bakit ako mag cam?") is no such line, and "what time po?" takes his proposal further.
     */
    private boolean puzzled(List<ReadWord> words) {
        return !words.isEmpty() && PUZZLED.contains(words.getFirst().word())
                && register.riskyConcept(words).isEmpty();
    }

    private static final Set<String> PUZZLED = Set.of("ha", "huh", "hä", "why", "bakit", "ngano", "warum",
            "pourquoi");

    /** A question to him that asks his liking or what she should wear ("which one u like, pe or skirt?"). */
    private static boolean takesItFurther(List<ReadWord> words) {
        return words.stream().anyMatch(w -> LIKING.contains(w.word()) || w.concepts().contains("CLOTHES")
                || w.concepts().contains("WEAR") || w.concepts().contains("UNDERWEAR"));
    }

    /** Showing or giving, and him: "jag kan visa dig", "i can show u", "ich schick dir was". */
    private static boolean showsHim(List<ReadWord> words) {
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
    private static boolean asksHisTaste(List<ReadWord> words, String text) {
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
    private static List<ReadWord> lastQuestion(List<ReadWord> words, String text) {
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
    private static boolean likesOlder(List<ReadWord> words) {
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
            "lyk", "liek", "prefiero", "préfère", "prefiro", "preferisco", "föredrar", "wolę", "люблю", "нравится");
    private static final Set<String> GIRL = Set.of("girl", "girls", "gurl", "gurls", "babae", "batang", "bata",
            "mädchen", "madchen", "meisjes", "meisje", "chicas", "niñas", "ninas", "filles", "meninas", "ragazze",
            "bambine", "tjejer", "flickor", "dziewczynki", "девочки", "девочек", "kids", "children");

    /** A question about an age: "ile masz lat?", "how old r u". */
    private static boolean asksAge(List<ReadWord> words) {
        return words.stream().anyMatch(w -> w.concepts().contains("AGE_Q"));
    }

    /** Her age said with its unit or after "I am": "mam 10 lat", "im 10", "10 na ko", "tengo 10 años". */
    private static final java.util.regex.Pattern AGE_STATED = java.util.regex.Pattern.compile(
            "(?<![\\p{L}])(?:i'?m|i am|tengo|mam|мне|ich bin|je suis|j'ai|ik ben|jag är|jeg er|eu tenho|ho|sono)"
            + "\\s+(?:only\\s+|just\\s+|lang\\s+)?1?\\d(?!\\d)|(?<!\\d)1?\\d\\s*(?:yo|y/o|yrs?|years?|años|anos|ans|anni|"
            + "jahre|jaar|år|ar|lat|лет|года|na ko|pa ko|na ako|pa ako|ko)(?![\\p{L}])");

    private static boolean asksAboutHim(List<ReadWord> words, String text) {
        return text.indexOf('?') >= 0 && words.stream().anyMatch(w -> w.concepts().contains("YOU"));
    }

    /**
     * Whether a negation stands within a few words before the phrase ("i will not take off", "ayoko po maghubad").
     * Without the phrase's text (the analysis found the topic, not the vocabulary), any negation in the draft counts.
     */
    /**
     * The words that carry a topic: the register's risky concepts, and where none is read ("ko mo cam": "my cam" has
     * no camera of his), the first word of each topic phrase the vocabulary found. Negating words are no topic.
     */
    private List<String> topicWords(List<ReadWord> words, PhraseBook.Found found) {
        List<String> topic = new java.util.ArrayList<>(register.riskyWords(words));
        if (topic.isEmpty()) {
            TOPIC_SECTIONS.stream().map(section -> found.sections().get(section)).filter(java.util.Objects::nonNull)
                    .forEach(phrase -> topic.add(phrase.split(" ")[0]));
        }
        return topic.stream().filter(w -> !negator(words, w)).toList();
    }

    /** "keine", "niemand", "ingen": a word that negates is not the topic a refusal names. */
    private static boolean negator(List<ReadWord> words, String word) {
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
    private static boolean refusesEveryTopic(String text, List<String> topicWords) {
        return !topicWords.isEmpty() && topicWords.stream().allMatch(w -> negated(text, w));
    }

    private static boolean negated(String text, String phrase) {
        return phrase != null && (negatedBefore(text, phrase) || negatedAfter(text, phrase.split(" ")[0]));
    }

    /** A negation that follows the verb, as Germanic languages and French "pas" put it, up to three words on. */
    private static boolean negatedAfter(String text, String word) {
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
            + "sasabihin ko(?: po)? kay|isusumbong kita(?: po)? kay|isulti nako(?: ni)? (?:kay|kang)|se lo digo a|je le dis à|lo dico a) (?:my )?"
            + "(?:mama|mom|mum|mommy|mamie|маме|mamá|maman|mutti|mamma)(?:\\s+(?:everything|alles|lahat|tanan|po|ha))*"
            + "\\s*[.!]*$");

    /** Question words the assent list holds for deferrals ("when?"); in "how old r u?" they ask about him. */
    private static final Set<String> QUESTION_WORDS = Set.of("how", "when", "what kind");

    private static boolean negatedBefore(String text, String phrase) {
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
    private static boolean onlyClitics(List<String> words, int from) {
        return words.subList(from, words.size()).stream().allMatch(CLITICS::contains);
    }

    private static final Set<String> CLITICS = Set.of("me", "te", "se", "lo", "la", "le", "les", "mi", "ti", "si",
            "ci", "vi", "ne", "il", "a", "my", "mijn", "mein", "mon", "ma", "mes", "mis", "mio");

    private static String unleet(String word) {
        return word.replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a');
    }

    /** "no quiero", "no voy", "non voglio": the Romance "no" before her own verb negates it. */
    private static final java.util.regex.Pattern FIRST_PERSON_VERB = java.util.regex.Pattern.compile(
            "\\p{L}{3,}o|voy|doy|estoy|soy|sei|ho");
    private static final Set<String> BARE_NO = Set.of("no", "non", "nao", "não", "nein", "nee", "nej", "nei", "нет");

    /** A number in the draft, other than a clock time: "only 20??" after an offer is haggling. */
    private static Optional<String> number(String text) {
        java.util.regex.Matcher m = NUMBER.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /**
     * Assent words that are also parts of other words or other languages' words ("si mama", "k-pop", "o"): alone, or
     * nearly, they are assent; in a sentence they are not.
     */
    private static final Set<String> SHORT_ASSENT = Set.of("si", "g", "da");

    /** Words that reopen a refusal: "no, but...", "ayoko, pero kung...". */
    private static final java.util.regex.Pattern CONTRAST = java.util.regex.Pattern.compile("(?<![\\p{L}])(?:but|unless|"
            + "except|if|pero|kaso|basta|kung|maar|tenzij|aber|au(?:ss|ß)er|wenn|mais|sauf|mas|men|ale|но|если|только)"
            + "(?![\\p{L}])");

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "(?<![\\d:])(?<!(?:at|alas|um|à|a las|om|kl) )\\d+(?![\\d:]|\\s?(?:am|pm|o'?clock|h\\b|min|mins|minute|"
            + "minutes|minuto|minutos|sec|secs|hour|hours|oras|hrs))");

    /** Identifiers a persona must not give: any, except in a warning the address of a known help service. */
    private Optional<Identifier> contactIn(List<Identifier> identifiers, boolean warning) {
        return identifiers.stream()
                .filter(i -> !(warning && i.type() == IdentifierType.URL && helpHosts.contains(host(i.normalized()))))
                .filter(i -> i.type() != IdentifierType.AGE && i.type() != IdentifierType.NAME
                        && i.type() != IdentifierType.LOCATION && i.type() != IdentifierType.OCCUPATION)
                .findFirst();
    }

    private static String host(String url) {
        String rest = url.replaceFirst("^[a-z]+://", "");
        int end = rest.indexOf('/');
        String host = end < 0 ? rest : rest.substring(0, end);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String quote(PhraseBook.Found found, String section) {
        String phrase = found.sections().get(section);
        return phrase == null ? "" : ": '" + phrase + "'";
    }

    /** Characters that hide text or change its order on screen: an auditor must see what the partner saw. */
    private static Optional<String> hiddenCharacter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                return Optional.of(String.format("U+%04X", cp));
            }
        }
        return Optional.empty();
    }
}
