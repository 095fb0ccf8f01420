package org.sweetie.analysis;

import org.sweetie.core.IdentifierType;

/**
 * What a message's text says on its own, before its conversation's state decides what it means: its words and
 * lexicon phrases, its concepts, the platform it talks about. Reading it is the larger part of analysing a message
 * and needs nothing of the conversation, so an import reads many messages' texts at once on the available cores
 * ({@link Analyzer#readText}) and hands each to its conversation's engine in order
 * ({@link ConversationAnalyzer#accept(org.sweetie.core.Message, MessageText)}).
 */
public final class MessageText {
    final MessageReading words;
    final ConceptReading concepts;
    final IdentifierType platform;

    private MessageText(MessageReading words, ConceptReading concepts, IdentifierType platform) {
        this.words = words;
        this.concepts = concepts;
        this.platform = platform;
    }

    static MessageText read(String text, Lexicon lexicon, Reading reading) {
        MessageReading words = MessageReading.of(text, lexicon);
        return new MessageText(words, reading.read(words), IdentifierExtractor.platformTalkedAbout(words.text.plain()));
    }
}
