package org.sweetie.analysis;

/**
 * Makes conversation analyzers. The lexicon and the identifier rules are loaded once and shared; each conversation
 * gets its own small state.
 */
public final class Analyzer {
    private final Lexicon lexicon;
    private final IdentifierExtractor identifiers;

    private Analyzer(Lexicon lexicon, IdentifierExtractor identifiers) {
        this.lexicon = lexicon;
        this.identifiers = identifiers;
    }

    public static Analyzer standard() {
        return new Analyzer(Lexicon.load(), new IdentifierExtractor());
    }

    public ConversationAnalyzer newConversation() {
        return new ConversationAnalyzer(lexicon, identifiers);
    }
}
