package org.sweetie.analysis;

/**
 * Makes conversation analyzers. The lexicon, the identifier rules and the gazetteer are loaded once and shared;
 * each conversation gets its own small state.
 */
public final class Analyzer {
    private final Lexicon lexicon;
    private final IdentifierExtractor identifiers;
    private final Gazetteer gazetteer;

    private Analyzer(Lexicon lexicon, IdentifierExtractor identifiers, Gazetteer gazetteer) {
        this.lexicon = lexicon;
        this.identifiers = identifiers;
        this.gazetteer = gazetteer;
    }

    public static Analyzer standard() {
        return new Analyzer(Lexicon.load(), new IdentifierExtractor(), Gazetteer.load());
    }

    public ConversationAnalyzer newConversation() {
        return new ConversationAnalyzer(lexicon, identifiers, gazetteer);
    }
}
