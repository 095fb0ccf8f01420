package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.store.Stores;

/** Analysis as messages are stored, over a real SQLite store. */
class AnalyzingStoreTest {
    static final Persona SWEETIE = Persona.ofNicknames(List.of("Sweetie10"));

    @TempDir
    Path folder;
    ConversationStore raw;

    ConversationStore open() {
        if (raw != null) {
            raw.close();
        }
        raw = Stores.open(folder.resolve("store.db").toString());
        raw.persona(SWEETIE);
        return new AnalyzingStore(raw, Analyzer.standard());
    }

    @AfterEach
    void close() {
        raw.close();
    }

    static Message says(boolean persona, String text) {
        return Message.received(Instant.EPOCH, persona ? Author.BOT : Author.PARTNER, persona ? "Sweetie10" : "p",
                text, null, null);
    }

    @Test
    void flagsAreStoredWithTheMessagesAndAfterARestartTheEngineGoesOnWhereItWas() {
        ConversationStore store = open();
        Conversation c = store.conversation(ConversationKey.privateChat(Network.irc("n"), SWEETIE, "p"));
        store.append(c, says(false, "how old r u"));
        store.append(c, says(true, "im 10"));
        store.append(c, says(false, "do you have a cam?"));
        assertThat(store.flags(c.id())).extracting(Flag::seq, Flag::kind, Flag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "stage", "age_awareness"),
                        org.assertj.core.groups.Tuple.tuple(3L, "initiated", "webcam"),
                        org.assertj.core.groups.Tuple.tuple(3L, "stage", "webcam_request"));

        store = open();
        store.append(c, says(false, "i pay you 20 dollars for a sexy show"));

        List<Flag> flags = store.flags(c.id());
        assertThat(flags).filteredOn(f -> f.kind().equals("qualified")).extracting(Flag::seq, Flag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "solicitation"),
                        org.assertj.core.groups.Tuple.tuple(4L, "wcst"));
        assertThat(flags).filteredOn(f -> f.value().equals("age_awareness")).hasSize(1);
    }

    @Test
    void aDiscardedUnitLeavesNoFlagAndNoTraceInTheEngine() {
        ConversationStore store = open();
        Conversation c = store.conversation(ConversationKey.privateChat(Network.irc("n"), SWEETIE, "p"));
        try (var unit = store.appender()) {
            unit.add(c, says(true, "im 10"));
        }
        assertThat(store.flags(c.id())).isEmpty();
        store.append(c, says(false, "naked?"));
        assertThat(store.flags(c.id())).extracting(Flag::value).containsExactly("sexual", "sexual_solicitation");
    }

    @Test
    void readingAheadOnManyThreadsFindsWhatReadingOneMessageAtATimeFinds() throws Exception {
        ConversationStore store = open();
        // three conversations interleaved, each a synthetic grooming chat (stages, identifiers, qualification)
        List<Message> chat = SyntheticChat.lines(400);
        Network network = Network.irc("n");
        List<Conversation> inline = new java.util.ArrayList<>();
        List<Conversation> ahead = new java.util.ArrayList<>();
        for (int p = 0; p < 3; p++) {
            inline.add(store.conversation(ConversationKey.privateChat(network, SWEETIE, "inline" + p)));
            ahead.add(store.conversation(ConversationKey.privateChat(network, SWEETIE, "ahead" + p)));
        }
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            ConversationStore readingAhead = ((AnalyzingStore) store).readingAhead(readers);
            try (var one = store.appender()) {
                for (int i = 0; i < chat.size(); i++) {
                    // a different offset per conversation, so that their messages differ at each step
                    for (int p = 0; p < 3; p++) {
                        one.add(inline.get(p), chat.get((i + 37 * p) % chat.size()));
                    }
                }
                one.commit();
            }
            try (var many = readingAhead.appender()) {
                for (int i = 0; i < chat.size(); i++) {
                    for (int p = 0; p < 3; p++) {
                        many.add(ahead.get(p), chat.get((i + 37 * p) % chat.size()));
                    }
                }
                many.commit();
            }
        } finally {
            readers.shutdownNow();
        }
        for (int p = 0; p < 3; p++) {
            List<Flag> expected = store.flags(inline.get(p).id());
            assertThat(expected).as("the chat establishes something").isNotEmpty();
            assertThat(store.flags(ahead.get(p).id())).containsExactlyElementsOf(expected);
        }
    }
}
