package org.sweetie.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
 * whether it qualifies, who raised which topic first and what the partner revealed. It keeps only a few numbers per
 * conversation, so a message costs what its own length costs; the same messages in the same order always give the
 * same findings.
 *
 * <p>Stages are established by the partner's messages only; age awareness also by the persona stating an age under
 * 18. A sexual request made before age awareness does not qualify; the first one at or after it does.
 */
public final class ConversationAnalyzer {
    private static final Map<Topic, Lexicon.Kind> TOPIC_WORDS = Map.of(Topic.SEXUAL, Lexicon.Kind.SEXUAL,
            Topic.PAYMENT, Lexicon.Kind.PAYMENT, Topic.WEBCAM, Lexicon.Kind.WEBCAM);

    private final Lexicon lexicon;
    private final IdentifierExtractor identifiers;
    private final Map<Stage, Integer> stages = new EnumMap<>(Stage.class);
    private final Map<Topic, Finding.Initiated> initiation = new EnumMap<>(Topic.class);
    private final List<Identifier> revealed = new ArrayList<>();
    private Integer solicitation;
    private Integer wcst;
    private boolean partnerAskedAge;
    private int next;

    private final CountryEvidence country;

    ConversationAnalyzer(Lexicon lexicon, IdentifierExtractor identifiers, Gazetteer gazetteer,
                         Supplier<IpCountries> ipCountries) {
        this.lexicon = lexicon;
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
        int index = next++;
        MessageReading reading = MessageReading.of(message.text(), lexicon);
        List<Finding> findings = new ArrayList<>();
        boolean persona = message.author().isPersona();
        attributeInitiation(reading, persona, index, findings);
        if (persona) {
            reading.statedMinorAge(partnerAskedAge).ifPresent(span ->
                    reach(Stage.AGE_AWARENESS, index, span, findings));
            partnerAskedAge = false;
        } else {
            readPartner(reading, index, findings);
            List<Identifier> found = identifiers.extract(message.text(), reading.text, index, region());
            for (Identifier identifier : found) {
                revealed.add(identifier);
                findings.add(new Finding.Revealed(identifier));
            }
            country.read(reading.text.plain(), found, index, message.time());
        }
        qualify(index, findings);
        return findings;
    }

    private void readPartner(MessageReading reading, int index, List<Finding> findings) {
        partnerAskedAge = reading.asksAge();
        reading.refersToMinor().ifPresent(span -> reach(Stage.AGE_AWARENESS, index, span, findings));
        if (reading.protective()) {
            return; // an adult warning a child: the words are there, the request is not
        }
        if (reading.has(Lexicon.Kind.SEXUAL) && !reading.negated(Lexicon.Kind.SEXUAL)) {
            reach(Stage.SEXUAL_SOLICITATION, index, reading.span(Lexicon.Kind.SEXUAL), findings);
            if (solicitation == null && stages.containsKey(Stage.AGE_AWARENESS)) {
                solicitation = index;
                findings.add(new Finding.Qualified(Finding.Qualification.SOLICITATION, index));
            }
        }
        if (reading.has(Lexicon.Kind.WEBCAM)) {
            reach(Stage.WEBCAM_REQUEST, index, reading.span(Lexicon.Kind.WEBCAM), findings);
        }
        Optional<int[]> payment = Optional.ofNullable(reading.span(Lexicon.Kind.PAYMENT))
                .or(() -> Optional.ofNullable(reading.offeredAmount()));
        payment.ifPresent(span -> reach(Stage.PAYMENT_OFFER, index, span, findings));
        if (reading.has(Lexicon.Kind.SECRECY)) {
            reach(Stage.SECRECY, index, reading.span(Lexicon.Kind.SECRECY), findings);
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
            findings.add(new Finding.Qualified(Finding.Qualification.WCST, index));
        }
    }

    private void attributeInitiation(MessageReading reading, boolean persona, int index, List<Finding> findings) {
        if (reading.protective()) {
            return;
        }
        for (var topic : TOPIC_WORDS.entrySet()) {
            boolean raised = reading.has(topic.getValue())
                    || topic.getKey() == Topic.PAYMENT && reading.offeredAmount() != null;
            if (raised && !initiation.containsKey(topic.getKey())) {
                var first = new Finding.Initiated(topic.getKey(), persona, index);
                initiation.put(topic.getKey(), first);
                findings.add(first);
            }
        }
    }

    private void reach(Stage stage, int index, int[] span, List<Finding> findings) {
        if (!stages.containsKey(stage)) {
            stages.put(stage, index);
            findings.add(new Finding.StageReached(stage, index, span[0], span[1]));
        }
    }

    /** Where the conversation stands after the messages read so far. */
    public Report report() {
        return new Report(next, Map.copyOf(stages), solicitation, wcst, Map.copyOf(initiation),
                List.copyOf(revealed), country.attribution());
    }

    /**
     * The state of a conversation.
     *
     * @param stages first message index of each stage reached
     * @param initiation who raised each topic first
     * @param country where the partner most likely is, with the evidence; null when nothing points anywhere
     */
    public record Report(int messages, Map<Stage, Integer> stages, Integer solicitation, Integer wcst,
                         Map<Topic, Finding.Initiated> initiation, List<Identifier> identifiers,
                         CountryAttribution country) {
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
