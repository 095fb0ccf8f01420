package org.sweetie.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.sweetie.core.Identifier;
import org.sweetie.core.Message;
import org.sweetie.core.Stage;
import org.sweetie.core.Topic;

/**
 * Reads one conversation a message at a time and says, at the message that makes it so, which stage it reached,
 * whether it qualifies, who raised which topic first and what the partner revealed. It keeps only a few numbers and
 * the partner's last few readings per conversation, so a message costs what its own length costs; the same messages
 * in the same order always give the same findings.
 *
 * <p>Stages are established by the partner's messages only: by the phrase lexicon, or by the reading layer's rules
 * over the concepts of his message and his two messages before it. Age awareness also comes from the persona: her
 * stating an age under 18, or confirming his question that carries a child's age ("u only 9 rite?" "opo"). A sexual
 * request made before age awareness does not qualify; the first one at or after it does.
 */
public final class ConversationAnalyzer {
    private static final Map<Topic, Lexicon.Kind> TOPIC_WORDS = Map.of(Topic.SEXUAL, Lexicon.Kind.SEXUAL,
            Topic.PAYMENT, Lexicon.Kind.PAYMENT, Topic.WEBCAM, Lexicon.Kind.WEBCAM);
    private static final Map<Topic, Stage> TOPIC_STAGES = Map.of(Topic.SEXUAL, Stage.SEXUAL_SOLICITATION,
            Topic.PAYMENT, Stage.PAYMENT_OFFER, Topic.WEBCAM, Stage.WEBCAM_REQUEST);
    private static final Map<Topic, String> TOPIC_RULES = Map.of(Topic.SEXUAL, "sexual_solicitation",
            Topic.PAYMENT, "payment_offer", Topic.WEBCAM, "webcam_request");
    /** How many persona lines a question carrying a child's age waits for her answer. */
    private static final int ANSWER_WITHIN = 2;
    /** How many lines after a platform was named a handle given without its name is read as that platform's. */
    private static final int PLATFORM_TALK_LINES = 4;

    private final Lexicon lexicon;
    private final Reading reading;
    private final IdentifierExtractor identifiers;
    private final Map<Stage, Integer> stages = new EnumMap<>(Stage.class);
    private final Map<String, List<String>> why = new LinkedHashMap<>();
    private final Map<Topic, Finding.Initiated> initiation = new EnumMap<>(Topic.class);
    private final List<Identifier> revealed = new ArrayList<>();
    private final Deque<ConceptReading> partnerWindow = new ArrayDeque<>();
    private Integer solicitation;
    private Integer wcst;
    private boolean partnerAskedAge;
    /** She asked his age: his "u?" after giving it asks hers back ("29. du?"). */
    private boolean personaAskedAge;
    /** The partner's question that carries a child's age, waiting for her answer; null when none. */
    private String childQuestion;
    private int childQuestionAt;
    private int childQuestionWait;
    private boolean answeredSince;
    private int next;
    /** The platform the conversation last talked about ("u got telegram?") and where, for handles given later. */
    private org.sweetie.core.IdentifierType platformInTalk;
    private int platformTalkedAt;

    private final CountryEvidence country;

    ConversationAnalyzer(Lexicon lexicon, Reading reading, IdentifierExtractor identifiers, Gazetteer gazetteer,
                         Supplier<IpCountries> ipCountries) {
        this.lexicon = lexicon;
        this.reading = reading;
        this.identifiers = identifiers;
        this.country = new CountryEvidence(gazetteer, ipCountries);
    }

    /**
     * An IPv4 address the partner connected from, as a connector or a log's join line reports it (not a message):
     * a clue to his country.
     */
    public void sawAddress(String ipv4) {
        country.sawAddress(ipv4);
    }

    /** Reads the next message (persona or partner) and returns what it established. */
    public List<Finding> accept(Message message) {
        return accept(message, MessageText.read(message.text(), lexicon, reading));
    }

    /**
     * Reads the next message, its text already read ({@link Analyzer#readText} of this message's text, on any
     * thread): the same findings as {@link #accept(Message)}.
     */
    public List<Finding> accept(Message message, MessageText text) {
        int index = next++;
        MessageReading words = text.words;
        ConceptReading concepts = text.concepts;
        List<Finding> findings = new ArrayList<>();
        boolean persona = message.author().isPersona();
        var platform = text.platform;
        if (platform != null) {
            platformInTalk = platform;
            platformTalkedAt = index;
        }
        if (persona) {
            readPersona(words, concepts, index, message.time().atZone(java.time.ZoneOffset.UTC).getYear(), findings);
        } else {
            partnerWindow.addLast(concepts);
            if (partnerWindow.size() > StageRules.window()) {
                partnerWindow.removeFirst();
            }
            readPartner(words, concepts, index, findings);
            var talkedAbout = platformInTalk != null && index - platformTalkedAt <= PLATFORM_TALK_LINES
                    ? platformInTalk : null;
            List<Identifier> found = identifiers.extract(message.text(), words.text, index, region(), talkedAbout);
            for (Identifier identifier : found) {
                revealed.add(identifier);
                findings.add(new Finding.Revealed(identifier));
            }
            country.read(words.text.plain(), found, index, message.time());
        }
        qualify(index, findings);
        return findings;
    }

    private void readPersona(MessageReading words, ConceptReading concepts, int index, int year,
                             List<Finding> findings) {
        attributeInitiation(words, List.of(concepts), true, index, findings);
        Optional<int[]> stated = words.statedMinorAge(partnerAskedAge, year);
        if (stated.isPresent()) {
            reach(Stage.AGE_AWARENESS, index, stated.get(), findings,
                    "she states an age under 18: \"" + quote(words, stated.get()) + "\"");
        } else if (reading.rules().match("her_childhood", List.of(concepts)) instanceof StageRules.Match said) {
            reach(Stage.AGE_AWARENESS, index, concepts.span(said.firstToken(), said.lastToken()), findings,
                    "she says she is a child: \"" + said.words() + "\"");
        } else if (childQuestion != null && reading.rules().match("affirm", List.of(concepts)) != null) {
            int[] all = {0, words.text.original().length()};
            reach(Stage.AGE_AWARENESS, index, all, findings, "dialogue act: she confirms his question "
                    + childQuestion + " with \"" + words.text.original() + "\"");
        } else if (childQuestion != null && reading.rules().match("deny", List.of(concepts)) == null) {
            // she neither confirms nor denies: he keeps what his question said he takes her to be
            reach(Stage.AGE_AWARENESS, childQuestionAt, new int[] {0, 0}, findings, "he asked " + childQuestion
                    + " and she did not deny it");
            childQuestion = null;
        } else if (childQuestion != null) {
            childQuestion = null; // she denied
        }
        partnerAskedAge = false;
        personaAskedAge = words.asksAge() || reading.rules().match("asks_age", List.of(concepts)) != null;
        answeredSince = true;
        if (childQuestion != null && --childQuestionWait <= 0) {
            childQuestion = null;
        }
    }

    private void readPartner(MessageReading words, ConceptReading concepts, int index, List<Finding> findings) {
        StageRules rules = reading.rules();
        List<ConceptReading> alone = List.of(concepts);
        if (childQuestion != null && !answeredSince) {
            // he went on without waiting for her answer: his question itself told what he takes her to be
            reach(Stage.AGE_AWARENESS, childQuestionAt, new int[] {0, 0}, findings, "he asked " + childQuestion
                    + " and went on without her answer");
            childQuestion = null;
        }
        List<ConceptReading> window = List.copyOf(partnerWindow);
        Reading.Marks marks = reading.marks();
        boolean question = concepts.has(marks.question());
        partnerAskedAge = words.asksAge() || rules.match("asks_age", alone) != null
                || personaAskedAge && question;
        personaAskedAge = false;
        StageRules.Match childAsked = rules.match("child_question", alone);
        Optional<int[]> minor = words.refersToMinor(concepts.has(marks.childAge() | marks.number()));
        if (childAsked != null || question && minor.isPresent()) {
            childQuestion = "\"" + words.text.original() + "\"";
            childQuestionAt = index;
            childQuestionWait = ANSWER_WITHIN;
            answeredSince = false;
            partnerAskedAge = true;
        } else if (minor.isPresent()) {
            reach(Stage.AGE_AWARENESS, index, minor.get(), findings,
                    "he calls her a child: \"" + quote(words, minor.get()) + "\"");
        } else {
            reachByRule("age_awareness", Stage.AGE_AWARENESS, alone, concepts, index, findings);
        }
        if (words.protective() || rules.match("protective", alone) != null) {
            return; // an adult warning a child: the words are there, the request is not
        }
        int topicsFrom = findings.size(); // who raised a topic is told before the stages it reached, as always
        // "the naked eye", "spawned naked in the nether": the lexicon's phrases yield to a figurative reading
        boolean figurative = concepts.has(marks.figurative());
        boolean purchase = concepts.has(marks.purchase());
        if (!figurative && words.has(Lexicon.Kind.SEXUAL) && !words.negated(Lexicon.Kind.SEXUAL)) {
            reach(Stage.SEXUAL_SOLICITATION, index, words.span(Lexicon.Kind.SEXUAL), findings,
                    "lexicon phrase \"" + quote(words, words.span(Lexicon.Kind.SEXUAL)) + "\"");
        } else {
            reachByRule("sexual_solicitation", Stage.SEXUAL_SOLICITATION, window, concepts, index, findings);
        }
        if (stages.containsKey(Stage.SEXUAL_SOLICITATION) && solicitation == null
                && stages.containsKey(Stage.AGE_AWARENESS) && solicits(words, window)) {
            solicitation = index;
            why.put("solicitation", List.of("sexual solicitation at " + index + " after age awareness at "
                    + stages.get(Stage.AGE_AWARENESS)));
            findings.add(new Finding.Qualified(Finding.Qualification.SOLICITATION, index));
        }
        // "my webcam came with it": the lexicon's camera phrase yields where the camera is his own
        boolean otherPerson = concepts.has(marks.otherPerson());
        if (!figurative && !purchase && !otherPerson && concepts.has(marks.camera()) && words.has(Lexicon.Kind.WEBCAM)
                && !words.his(Lexicon.Kind.WEBCAM)) {
            reach(Stage.WEBCAM_REQUEST, index, words.span(Lexicon.Kind.WEBCAM), findings,
                    "lexicon phrase \"" + quote(words, words.span(Lexicon.Kind.WEBCAM)) + "\"");
        } else {
            reachByRule("webcam_request", Stage.WEBCAM_REQUEST, window, concepts, index, findings);
        }
        int[] payment = purchase || otherPerson ? null
                : Optional.ofNullable(words.span(Lexicon.Kind.PAYMENT)).orElse(words.offeredAmount());
        if (payment != null) {
            reach(Stage.PAYMENT_OFFER, index, payment, findings, "lexicon phrase or amount \""
                    + quote(words, payment) + "\"");
        } else {
            reachByRule("payment_offer", Stage.PAYMENT_OFFER, window, concepts, index, findings);
        }
        if (words.has(Lexicon.Kind.SECRECY)) {
            reach(Stage.SECRECY, index, words.span(Lexicon.Kind.SECRECY), findings,
                    "lexicon phrase \"" + quote(words, words.span(Lexicon.Kind.SECRECY)) + "\"");
        } else {
            reachByRule("secrecy", Stage.SECRECY, window, concepts, index, findings);
        }
        List<Finding> raised = new ArrayList<>();
        attributeInitiation(words, window, false, index, raised);
        findings.addAll(topicsFrom, raised);
    }

    /** This message itself is a sexual request (the stage may have been reached before the age was known). */
    private boolean solicits(MessageReading words, List<ConceptReading> window) {
        boolean figurative = window.getLast().has(reading.marks().figurative());
        return !figurative && words.has(Lexicon.Kind.SEXUAL) && !words.negated(Lexicon.Kind.SEXUAL)
                || reading.rules().match("sexual_solicitation", window) != null;
    }

    private void reachByRule(String rule, Stage stage, List<ConceptReading> window, ConceptReading concepts,
                             int index, List<Finding> findings) {
        if (stages.containsKey(stage)) {
            return;
        }
        StageRules.Match match = reading.rules().match(rule, window);
        if (match != null) {
            int[] span = match.firstToken() < 0 ? new int[] {0, 0}
                    : concepts.span(match.firstToken(), match.lastToken());
            reach(stage, index, span, findings, "rule \"" + match.rule() + "\": concepts " + match.concepts()
                    + " in the words \"" + match.words() + "\"" + (window.size() > 1 ? " (with his "
                    + (window.size() - 1) + " message(s) before)" : ""));
        }
    }

    /** The country the evidence so far points to: national-format phone numbers are read as its numbers. */
    private String region() {
        CountryAttribution attribution = country.attribution();
        return attribution == null ? null : attribution.country();
    }

    private void qualify(int index, List<Finding> findings) {
        if (wcst == null && solicitation != null && stages.containsKey(Stage.PAYMENT_OFFER)
                && stages.containsKey(Stage.WEBCAM_REQUEST)) {
            wcst = index;
            why.put("wcst", List.of("solicitation at " + solicitation + ", webcam request at "
                    + stages.get(Stage.WEBCAM_REQUEST) + ", payment offer at " + stages.get(Stage.PAYMENT_OFFER)));
            findings.add(new Finding.Qualified(Finding.Qualification.WCST, index));
        }
    }

    /**
     * Who raised each topic first: the partner when one of his messages reaches the topic's stage (by the lexicon or
     * the rules), the persona when her own line carries the topic by the same reading.
     */
    private void attributeInitiation(MessageReading words, List<ConceptReading> window, boolean persona, int index,
                                     List<Finding> findings) {
        if (words.protective() || persona && window.getLast().has(reading.marks().otherPerson())) {
            return; // "my classmate said someone gave her load": what others did is no topic she raises
        }
        for (var topic : TOPIC_WORDS.entrySet()) {
            if (initiation.containsKey(topic.getKey())) {
                continue;
            }
            boolean raised = words.has(topic.getValue()) && !(topic.getKey() == Topic.SEXUAL
                    && (words.negated(Lexicon.Kind.SEXUAL) || window.getLast().has(reading.marks().figurative())))
                    || topic.getKey() == Topic.PAYMENT && words.offeredAmount() != null
                    || (persona ? reading.rules().match(TOPIC_RULES.get(topic.getKey()), window) != null
                            : Integer.valueOf(index).equals(stages.get(TOPIC_STAGES.get(topic.getKey()))));
            if (raised) {
                var first = new Finding.Initiated(topic.getKey(), persona, index);
                initiation.put(topic.getKey(), first);
                findings.add(first);
            }
        }
    }

    private void reach(Stage stage, int index, int[] span, List<Finding> findings, String reason) {
        if (!stages.containsKey(stage)) {
            stages.put(stage, index);
            why.put(stage.name().toLowerCase(java.util.Locale.ROOT), List.of(reason));
            findings.add(new Finding.StageReached(stage, index, span[0], span[1]));
        }
    }

    private static String quote(MessageReading words, int[] span) {
        return words.text.original().substring(span[0], span[1]);
    }

    /** Where the conversation stands after the messages read so far. */
    public Report report() {
        return new Report(next, Map.copyOf(stages), solicitation, wcst, Map.copyOf(initiation),
                List.copyOf(revealed), country.attribution(), Map.copyOf(why));
    }

    /**
     * The state of a conversation.
     *
     * @param stages first message index of each stage reached
     * @param initiation who raised each topic first
     * @param country where the partner most likely is, with the evidence; null when nothing points anywhere
     * @param why per flag (a stage's lower-case name, "solicitation", "wcst"), what produced it: the words, concepts
     *            and rule, the lexicon phrase, or the dialogue act
     */
    public record Report(int messages, Map<Stage, Integer> stages, Integer solicitation, Integer wcst,
                         Map<Topic, Finding.Initiated> initiation, List<Identifier> identifiers,
                         CountryAttribution country, Map<String, List<String>> why) {
        /** Tainted: the persona raised a sexual, payment or webcam topic before the partner did. */
        public boolean tainted() {
            return initiation.values().stream().anyMatch(Finding.Initiated::byPersona);
        }

        public Optional<Finding.Initiated> taintedBy() {
            return initiation.values().stream().filter(Finding.Initiated::byPersona)
                    .min(Comparator.comparingInt(Finding.Initiated::message));
        }
    }
}
