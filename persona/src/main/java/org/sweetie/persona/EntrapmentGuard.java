package org.sweetie.persona;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.PhraseBook;
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
    private final Set<String> helpHosts;

    /**
     * @param helpHosts the hosts of help services a warning may point to (lower case, e.g. stopitnow.org.uk)
     */
    public EntrapmentGuard(Analyzer analyzer, PhraseBook vocabulary, Set<String> helpHosts) {
        this.analyzer = analyzer;
        this.vocabulary = vocabulary;
        this.helpHosts = Set.copyOf(helpHosts);
    }

    public static EntrapmentGuard standard(Analyzer analyzer, Set<String> helpHosts) {
        return new EntrapmentGuard(analyzer, PhraseBook.load("/persona/guard.txt"), helpHosts);
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
        boolean warning = draft.kind() == Draft.Kind.WARNING;

        if (facts.amount() != null) {
            return Decision.refuse(draft, "price", "it names an amount of money: '" + facts.amount() + "'");
        }
        if (!warning && (facts.topics().contains(Topic.SEXUAL) || found.has("sexual"))) {
            return Decision.refuse(draft, "sexual-content", "it has sexual content" + quote(found, "sexual"));
        }
        if (found.has("offer")) {
            return Decision.refuse(draft, "offer", "it offers, accepts or agrees to something" + quote(found, "offer"));
        }
        if (found.has("interest")) {
            return Decision.refuse(draft, "interest", "it shows interest in what is proposed"
                    + quote(found, "interest"));
        }
        Optional<Identifier> contact = contactIn(facts.identifiers(), warning);
        if (contact.isPresent()) {
            return Decision.refuse(draft, "contact", "it gives a way to reach or pay the persona: '"
                    + contact.get().value() + "'");
        }
        if (found.has("contact")) {
            return Decision.refuse(draft, "contact", "it offers a way to reach the persona" + quote(found, "contact"));
        }
        if (!warning && (facts.secrecy() || found.has("secrecy"))) {
            return Decision.refuse(draft, "secrecy", "it advances secrecy or isolation" + quote(found, "secrecy"));
        }
        boolean refusal = found.has("refusal");
        if (!warning && !refusal) {
            Optional<Decision> topic = topicRule(draft, facts, found);
            if (topic.isPresent()) {
                return topic.get();
            }
        }
        if (found.has("assent") && proposal(draft.partnerSaid())) {
            return Decision.refuse(draft, "assent", "it answers a proposal or request with assent"
                    + quote(found, "assent"));
        }
        return Decision.allow(draft);
    }

    private static Optional<Decision> topicRule(Draft draft, TextFacts facts, PhraseBook.Found found) {
        if (facts.topics().contains(Topic.WEBCAM) || found.has("webcam")) {
            return Optional.of(Decision.refuse(draft, "webcam", "it raises or advances the webcam topic"
                    + quote(found, "webcam")));
        }
        if (found.has("images")) {
            return Optional.of(Decision.refuse(draft, "images", "it asks for or promises images"
                    + quote(found, "images")));
        }
        if (facts.topics().contains(Topic.PAYMENT) || found.has("payment")) {
            return Optional.of(Decision.refuse(draft, "payment", "it raises money or a payment method"
                    + quote(found, "payment")));
        }
        if (found.has("meeting")) {
            return Optional.of(Decision.refuse(draft, "meeting", "it raises meeting in person"
                    + quote(found, "meeting")));
        }
        return Optional.empty();
    }

    /** Whether the partner's message proposes or asks something, so that a "yes" would be agreement. */
    private boolean proposal(String partnerSaid) {
        if (partnerSaid == null || partnerSaid.isBlank()) {
            return false;
        }
        TextFacts facts = analyzer.read(partnerSaid);
        if (!facts.topics().isEmpty() || facts.secrecy() || facts.amount() != null) {
            return true;
        }
        PhraseBook.Found found = vocabulary.find(partnerSaid);
        return found.has("proposal") || TOPIC_SECTIONS.stream().anyMatch(found::has);
    }

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
