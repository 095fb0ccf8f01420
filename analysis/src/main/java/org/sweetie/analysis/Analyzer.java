package org.sweetie.analysis;

import java.util.List;
import java.util.function.Supplier;
import org.sweetie.core.Event;
import org.sweetie.core.Message;
import org.sweetie.core.Topic;

/**
 * Makes conversation analyzers. The lexicon, the identifier rules and the gazetteer are loaded once and shared;
 * each conversation gets its own small state.
 */
public final class Analyzer {
    private final Lexicon lexicon;
    private final Reading reading;
    private final IdentifierExtractor identifiers;
    private final Gazetteer gazetteer;
    private final Supplier<IpCountries> ipTable;
    private IpCountries ipCountries;

    private Analyzer(Lexicon lexicon, Reading reading, IdentifierExtractor identifiers, Gazetteer gazetteer,
                     Supplier<IpCountries> ipTable) {
        this.lexicon = lexicon;
        this.reading = reading;
        this.identifiers = identifiers;
        this.gazetteer = gazetteer;
        this.ipTable = ipTable;
    }

    public static Analyzer standard() {
        return new Analyzer(Lexicon.load(), Reading.load(), new IdentifierExtractor(), Gazetteer.load(), IpCountries::load);
    }

    /** An analyzer with its own IP-to-country table (tests use one of documentation addresses). */
    static Analyzer withIpTable(IpCountries table) {
        return new Analyzer(Lexicon.load(), Reading.load(), new IdentifierExtractor(), Gazetteer.load(), () -> table);
    }

    public ConversationAnalyzer newConversation() {
        return new ConversationAnalyzer(lexicon, reading, identifiers, gazetteer, this::ipCountries);
    }

    /**
     * An engine that has read a stored conversation: its messages, then the addresses its join, part and quit lines
     * show. The engine is deterministic, so this is the state it had when the conversation was stored.
     */
    public ConversationAnalyzer replay(List<Message> messages, List<Event> events) {
        ConversationAnalyzer engine = newConversation();
        messages.forEach(engine::accept);
        events.forEach(event -> AnalyzingStore.addressOf(event).ifPresent(engine::sawAddress));
        return engine;
    }

    /**
     * Reads what a message's text says on its own, the part of its analysis that needs nothing of its conversation:
     * safe to call on any thread, for messages read ahead of their engine.
     */
    public MessageText readText(String text) {
        return MessageText.read(text, lexicon, reading);
    }

    /** Reads one text on its own: topics, secrecy, money and identifiers (see {@link TextFacts}). */
    public TextFacts read(String text) {
        MessageReading reading = MessageReading.of(text, lexicon);
        java.util.EnumSet<Topic> topics = java.util.EnumSet.noneOf(Topic.class);
        if (reading.has(Lexicon.Kind.SEXUAL)) {
            topics.add(Topic.SEXUAL);
        }
        if (reading.has(Lexicon.Kind.WEBCAM)) {
            topics.add(Topic.WEBCAM);
        }
        if (reading.has(Lexicon.Kind.PAYMENT) || reading.amount != null) {
            topics.add(Topic.PAYMENT);
        }
        String amount = reading.amount == null ? null : text.substring(reading.amount[0], reading.amount[1]);
        return new TextFacts(topics, reading.has(Lexicon.Kind.SECRECY), amount,
                identifiers.extract(text, reading.text, 0, null));
    }

    /**
     * Reads one text word by word, as the reading layer does: each word with its concepts and whether it is a common
     * word. Leetspeak, spaced-out letters and invisible characters are undone first, as for a partner's message.
     */
    public List<ReadWord> words(String text) {
        MessageReading words = MessageReading.of(text, lexicon);
        ConceptReading concepts = this.reading.read(words);
        List<ReadWord> read = new java.util.ArrayList<>(words.tokens.count());
        for (int i = 0; i < words.tokens.count(); i++) {
            int[] span = words.text.wordsSpan(words.tokens.start(i), words.tokens.end(i));
            int end = span[1];
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++; // "class" reads "clas" (repeated letters are one): the word as written runs on
            }
            String written = text.substring(span[0], end).toLowerCase(java.util.Locale.ROOT);
            read.add(new ReadWord(written, this.reading.names(concepts.tokenMasks()[i]),
                    CommonWords.contains(CommonWords.fold(written)) || CommonWords.contains(words.tokens.word(i))));
        }
        return read;
    }

    /**
     * Waits until the tables read once per process (the gazetteer, the IP-to-country table) are loaded. Nothing
     * needs it: they load on first use. A measurement calls it so that a one-time start-up cost is not spread over
     * the rate of the lines it times (sweetie bench import).
     */
    public void loadTables() {
        gazetteer.await();
        ipCountries();
    }

    /** The IP table is large: it is read the first time an address is seen, not at every start. */
    private synchronized IpCountries ipCountries() {
        if (ipCountries == null) {
            ipCountries = ipTable.get();
        }
        return ipCountries;
    }
}
