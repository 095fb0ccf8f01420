package org.sweetie.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Flag;
import org.sweetie.core.LinkDecision;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.store.Stores;

/** The suspects kept between reads are those the store holds now, also when another process changed it. */
class SuspectBookTest {
    private static final Persona SWEETIE = Persona.ofNicknames(List.of("Sweetie10"));
    private static final Network LIBERA = Network.irc("libera");
    private static final Instant NOW = Instant.parse("2026-02-01T09:00:00Z");

    @TempDir
    Path dir;
    private ConversationStore store;

    @BeforeEach
    void open() {
        store = Stores.open(dir.resolve("store.db").toString());
        store.persona(SWEETIE);
        said(store, "dave_uk", new Flag(1, "identifier", "email", "dave@example.com"));
        said(store, "davey", new Flag(1, "identifier", "email", "dave@example.com"));
        said(store, "erin", new Flag(1, "identifier", "email", "erin@example.org"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void readsOnceWhileTheStoreStaysTheSame() {
        SuspectBook book = new SuspectBook(store);
        List<Profile> first = book.read();

        assertThat(first).isEqualTo(Suspects.read(store)).hasSize(2);
        store.messages(1);
        assertThat(book.read()).isSameAs(first);
        assertThat(book.byPriority()).isEqualTo(Suspects.byPriority(store));
    }

    @Test
    void readsAgainAfterAChangeMadeElsewhere() {
        SuspectBook book = new SuspectBook(store);
        List<Profile> before = book.read();
        try (ConversationStore other = Stores.open(dir.resolve("store.db").toString())) {
            said(other, "erin_2", new Flag(1, "identifier", "email", "dave@example.com"));
        }
        List<Profile> after = book.read();

        assertThat(after).isNotEqualTo(before).isEqualTo(Suspects.read(store));
        assertThat(after.getFirst().suspect().accounts()).hasSize(3);
    }

    @Test
    void readsAgainAfterADecision() {
        SuspectBook book = new SuspectBook(store);
        assertThat(book.read()).hasSize(2);
        store.recordLinkDecision(new LinkDecision(NOW, "ana", "reject", "email", "dave@example.com", "libera",
                "davey", "not him"));

        assertThat(book.read()).hasSize(3).isEqualTo(Suspects.read(store));
    }

    private static void said(ConversationStore store, String partner, Flag... flags) {
        Conversation c = store.conversation(ConversationKey.privateChat(LIBERA, SWEETIE, partner));
        try (ConversationStore.Appender appender = store.appender()) {
            appender.add(c, Message.received(NOW, Author.PARTNER, partner, "hello", null, null));
            for (Flag f : flags) {
                appender.flag(c, f);
            }
            appender.commit();
        }
    }
}
