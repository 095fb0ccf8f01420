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
        // Cebuano "ig-agaw" (cousin) is no Instagram ("akong ig")
        PhraseBook.Found found = vocabulary.find(text.toLowerCase(Locale.ROOT).replace("ig-agaw", "igagaw"));
        List<ReadWord> words = analyzer.words(text);
        boolean warning = draft.kind() == Draft.Kind.WARNING;
        // A refusal may name what it refuses ("ayoko po maghubad"), unless a "but" or an "if" reopens it; a question
        // about a word is not understanding it; a line about her family or her homework is not about him.
        // ... and only where its first risky word is itself negated ("no i wont turn on my cam", not "no lol turn on
        // ur cam")
        boolean refusalWord = (found.has("refusal") || Negation.tellsParent(text))
                && !Negation.reopened(text);
        boolean refusing = refusalWord
                && Negation.refusesEveryTopic(text, topicWords(words, found));
        boolean confused = found.has("confusion");
        boolean aside = register.aside(words, text);

        if (facts.amount() != null && !aside) {
            return Decision.refuse(draft, "price", "it names an amount of money: '" + facts.amount() + "'");
        }
        Optional<String> thousands = DraftActs.thousands(text);
        if (thousands.isPresent() && !aside) {
            return Decision.refuse(draft, "price", "it names an amount of money: '" + thousands.get() + "'");
        }
        // a refusal excuses a topic word only where the word itself is negated: "ayoko po maghubad" refuses, "no lol
        // im naked" does not
        boolean sexual = facts.topics().contains(Topic.SEXUAL) || found.has("sexual");
        // a refusal excuses the topic where its words are negated; the analysis' own sexual topic has no phrase of
        // the vocabulary, and there the refusal's negated topic words answer for it ("não vou tirar a roupa")
        String sexualPhrase = found.sections().get("sexual");
        if (!warning && sexual && !(refusing && (sexualPhrase == null || Negation.negated(text, sexualPhrase)))) {
            return Decision.refuse(draft, "sexual-content", "it has sexual content" + quote(found, "sexual"));
        }
        if (found.has("offer") && !(refusing && Negation.negated(text, found.sections().get("offer")))) {
            return Decision.refuse(draft, "offer", "it offers, accepts or agrees to something" + quote(found, "offer"));
        }
        if (found.has("interest") || DraftActs.asksHisTaste(words, text) || DraftActs.likesOlder(words)) {
            return Decision.refuse(draft, "interest", "it shows interest in what is proposed"
                    + quote(found, "interest"));
        }
        if (!warning && DraftActs.heartEmoticon(text)) {
            return Decision.refuse(draft, "affection", "it shows affection or flirts: '<3'");
        }
        if (!warning && found.has("affection")
                && !(refusing && Negation.negated(text, found.sections().get("affection")))) {
            return Decision.refuse(draft, "affection", "it shows affection or flirts" + quote(found, "affection"));
        }
        Optional<Identifier> contact = contactIn(facts.identifiers(), warning);
        if (contact.isPresent()) {
            return Decision.refuse(draft, "contact", "it gives a way to reach or pay the persona: '"
                    + contact.get().value() + "'");
        }
        if (found.has("contact") && !(refusing && Negation.negated(text, found.sections().get("contact")))) {
            return Decision.refuse(draft, "contact", "it offers a way to reach the persona" + quote(found, "contact"));
        }
        // a refusal may name a secret or being alone ("ayoko ng sikreto", "i dont keep secrets"), never promise one
        // ("i wont tell", "hindi ko sasabihin": the negation is part of the promise)
        String secret = found.sections().get("secrecy");
        boolean tellsParent = Negation.tellsParent(text);
        boolean refusesSecret = tellsParent || refusing && secret != null && Negation.negated(text, secret)
                && java.util.Arrays.stream(secret.split(" ")).noneMatch(Negation::isNegationWord);
        if (!warning && !refusesSecret && (facts.secrecy() || found.has("secrecy"))) {
            return Decision.refuse(draft, "secrecy", "it advances secrecy or isolation" + quote(found, "secrecy"));
        }
        boolean refusal = refusalWord || confused; // any "no" answers a proposal safely; only a negated topic names it
        if (!warning && !refusing && !confused && found.has("meeting")) {
            return Decision.refuse(draft, "meeting", "it raises meeting in person" + quote(found, "meeting"));
        }
        if (!warning && !refusing && !aside) {
            Optional<Decision> topic = topicRule(draft, facts, found, confused, DraftActs.asksAge(words));
            if (topic.isPresent()) {
                return topic.get();
            }
        }
        if (!warning && !refusing && DraftActs.showsHim(words)) { // after the named topics, which say more
            return Decision.refuse(draft, "offer", "it offers to show or give him something");
        }
        String his = draft.partnerSaid() == null || draft.partnerSaid().isBlank() ? null : draft.partnerSaid();
        List<ReadWord> hisWords = his == null ? List.of() : analyzer.words(his); // his line, read once
        boolean proposed = his != null && proposal(his, hisWords);
        // "si" is Spanish yes and Tagalog's name marker ("si mama"): alone it is assent, in a sentence it is not
        boolean assent = found.has("assent") && !found.has("her-future")
                && !(SHORT_ASSENT.contains(found.sections().get("assent"))
                && words.size() > 2)
                && !(DraftActs.asksAge(words) && DraftActs.isQuestionWord(found.sections().get("assent")));
        if (assent && proposed) {
            return Decision.refuse(draft, "assent", "it answers a proposal or request with assent"
                    + quote(found, "assent"));
        }
        if (assent && !refusal && his != null && !DraftActs.asksAboutHim(words, text) && !yesAndAFact(words, text)
                && register.unknownWord(hisWords, false).isPresent()) {
            // she says yes to a line of his we cannot fully read: it may answer what he asked two lines before
            // ("kadtong gipangayo nako ganina ha": the thing I asked earlier, ok?), so a second person looks first
            return Decision.hold(draft, "assent-unclear", "it says yes" + quote(found, "assent")
                    + " to a line of his the guard cannot fully read");
        }
        Optional<String> number = DraftActs.number(text);
        if (proposed && number.isPresent() && !aside && !DraftActs.statesHerAge(text)
                && !DraftActs.asksAge(hisWords)) { // "no, only 20?" haggles too; "mam 10 lat", "no po im 10" is her age
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
        boolean plainQuestionToHim = DraftActs.asksAboutHim(words, draft.text()) && !DraftActs.likes(words)
                && !DraftActs.showsHim(words);
        if (!unknown.isEmpty() && !(proposed && !refusal || unknown.size() > 1 || words.size() < 4
                || draft.text().indexOf('?') >= 0 && !plainQuestionToHim
                || !unknown.getFirst().chars().allMatch(Character::isLetter))) {
            // One word the register does not hold, in a statement of hers after no proposal or in a refusal: a
            // town, a pet's name, a verb of another language ("my lola took a photo of our dog bantay", "ayoko po,
            // bastos ka"). Every rule above has read it
            // and found nothing, and the risky concepts are still looked for below. A question to him, an emoji, a
            // word with digits, or a second unknown word is still held: that is where offers and flirting hide. A
            // plain question to him may hold one (his name, his town: "hoe oud ben jij thomas?"), never one that
            // holds a liking word or offers to show him something.
            unknown = List.of();
        }
        if (!unknown.isEmpty()) {
            return Decision.hold(draft, "register", "'" + unknown.getFirst()
                    + "' is not a word of the persona's register");
        }
        if (!namesTopic) {
            Optional<String> risky = register.riskyConcept(words, aside, DraftActs.asksAboutHim(words, draft.text()),
                    draft.text().indexOf('?') < 0);
            if (risky.isPresent()) {
                return Decision.hold(draft, "risky-topic", "it touches " + risky.get()
                        + ", which only a refusal may name");
            }
        }
        Optional<String> big = DraftActs.number(draft.text())
                .filter(n -> n.length() > 2 || Integer.parseInt(n) >= 18);
        if (big.isPresent() && !aside) {
            return Decision.hold(draft, "number", "'" + big.get() + "' is no age or grade of hers: a price or a "
                    + "number to reach her needs a second look");
        }
        // a question after a proposal may take it further ("what time po?" after "meet me at jollibee"): only one that
        // asks about him goes without a second look
        boolean asksHim = DraftActs.asksAboutHim(words, draft.text()) && !DraftActs.takesItFurther(words);
        if (proposed && !refusal && !puzzled(words) && !asksHim) {
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
        if (DraftActs.asksAge(words) && words.stream().noneMatch(w -> w.concepts().stream()
                .anyMatch(c -> !c.equals("HOW_MUCH") && register.isRisky(c)))) {
            return false; // "pila imong edad?", "сколько тебе лет?": how many years is no price
        }
        PhraseBook.Found found = vocabulary.find(partnerSaid);
        if (found.has("her-future")) {
            return false; // "what do you want to be when you grow up?"
        }
        TextFacts facts = analyzer.read(partnerSaid);
        if (!facts.topics().isEmpty() || facts.secrecy() || facts.amount() != null
                || register.riskyConcept(words).isPresent() || DraftActs.namesBarePrice(partnerSaid)) {
            return true;
        }
        return found.has("proposal") || TOPIC_SECTIONS.stream().anyMatch(found::has);
    }

    /**
     * A yes followed by a fact of hers ("ja! wir haben einen hund", "tak! mam psa"): more than the yes, with no
     * second yes, time or maybe in it ("ja, heute abend", "yes po sure" stay a bare yes). What follows is judged by
     * the register like any statement.
     */
    private boolean yesAndAFact(List<ReadWord> words, String text) {
        long content = words.stream().filter(w -> !w.word().equals("po") && !w.word().equals("opo")).count();
        int space = text.strip().indexOf(' ');
        return content >= 3 && space > 0 && DraftActs.startsWithYes(words)
                && !vocabulary.find(text.strip().substring(space + 1)).has("assent")
                && words.stream().noneMatch(w -> w.concepts().contains("TIME"));
    }

    /**
     * Not understanding him, with no topic in it: "ha? bakit po", "huh?? im just 10 po", "ha? ngano man". A "why"
     * that names a topic ("bakit ako mag cam?") is no such line, and "what time po?" takes his proposal further.
     */
    private boolean puzzled(List<ReadWord> words) {
        return DraftActs.startsPuzzled(words)
                && register.riskyConcept(words).isEmpty();
    }

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
        return topic.stream().filter(w -> !Negation.negator(words, w)).toList();
    }

    /**
     * Assent words that are also parts of other words or other languages' words ("si mama", "k-pop", "o"): alone, or
     * nearly, they are assent; in a sentence they are not.
     */
    private static final Set<String> SHORT_ASSENT = Set.of("si", "g", "da");

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
