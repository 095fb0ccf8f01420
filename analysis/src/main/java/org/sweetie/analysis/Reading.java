package org.sweetie.analysis;

/**
 * The shared reading layer: a message's words as concepts (per-language dictionaries with stemmers) and the rules
 * that compose them into stages and dialogue acts. The analysis reads partners' messages with it; the entrapment
 * guard can read drafts with the same one.
 */
public final class Reading {
    private final StageRules rules;
    private final ConceptReader reader;
    private final Marks marks;

    /**
     * The concepts the analyzer itself tests on every message, looked up by name once.
     *
     * @param camera any of camera, video, call, live: what the lexicon's camera phrases must still carry
     */
    record Marks(long question, long childAge, long number, long figurative, long purchase, long otherPerson,
                 long camera) {
        static Marks of(ConceptDictionary.Concepts c) {
            return new Marks(c.bit("QUESTION"), c.bit("CHILD_AGE"), c.bit("NUMBER"), c.bit("FIGURATIVE"),
                    c.bit("PURCHASE"), c.bit("OTHER_PERSON"),
                    c.bit("CAMERA") | c.bit("VIDEO") | c.bit("CALL") | c.bit("LIVE"));
        }
    }

    private Reading(StageRules rules, ConceptReader reader) {
        this.rules = rules;
        this.reader = reader;
        this.marks = Marks.of(rules.concepts());
    }

    Marks marks() {
        return marks;
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
