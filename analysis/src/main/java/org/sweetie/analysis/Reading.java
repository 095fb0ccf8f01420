package org.sweetie.analysis;

/**
 * The shared reading layer: a message's words as concepts (per-language dictionaries with stemmers) and the rules
 * that compose them into stages and dialogue acts. The analysis reads partners' messages with it; the entrapment
 * guard can read drafts with the same one.
 */
public final class Reading {
    private final StageRules rules;
    private final ConceptReader reader;

    private Reading(StageRules rules, ConceptReader reader) {
        this.rules = rules;
        this.reader = reader;
    }

    static Reading load() {
        StageRules rules = StageRules.load();
        ConceptDictionary dictionary = ConceptDictionary.load(rules.concepts());
        return new Reading(rules, new ConceptReader(dictionary, rules.owned()));
    }

    ConceptReading read(Normalized text) {
        return reader.read(text);
    }

    ConceptReading read(MessageReading words) {
        return reader.read(words.text, words.tokens);
    }

    StageRules rules() {
        return rules;
    }

    java.util.List<String> names(long mask) {
        return reader.names(mask);
    }
}
