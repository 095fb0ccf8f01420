package org.sweetie.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

/** The one implementation of confirm, reject and split, on a real store. */
class LinkDecisionsTest {
    private static final Persona SWEETIE = Persona.ofNicknames(List.of("Sweetie10"));
    private static final Network LIBERA = Network.irc("libera");
    private static final Instant NOW = Instant.parse("2026-02-01T09:00:00Z");

    @TempDir
    Path dir;
    private ConversationStore store;
    private final List<LinkDecision> recorded = new ArrayList<>();
    private LinkDecisions decisions;

    @BeforeEach
    void open() {
        store = Stores.open(dir.resolve("store.db").toString());
        store.persona(SWEETIE);
        decisions = new LinkDecisions(store, recorded::add, Clock.fixed(NOW, ZoneOffset.UTC));
        said("dave_uk", new Flag(1, "identifier", "skype", "dave.example"),
                new Flag(1, "identifier", "email", "dave@example.com"));
        said("davey", new Flag(1, "identifier", "skype", "dave.example"),
                new Flag(1, "identifier", "email", "dave@example.com"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aConfirmedLinkIsKeptRecordedAndChangesNothing() {
        List<LinkDecision> made = decisions.decide(LinkDecisions.Action.CONFIRM, "davey@libera", "skype:dave.example",
                "ana", "same photo");

        assertThat(made).singleElement().satisfies(d -> {
            assertThat(d.decision()).isEqualTo("confirm");
            assertThat(d.keyValue()).isEqualTo("dave.example");
            assertThat(d.handle()).isEqualTo("davey");
            assertThat(d.network()).isEqualTo("libera");
            assertThat(d.time()).isEqualTo(NOW);
            assertThat(d.note()).isEqualTo("same photo");
        });
        assertThat(store.linkDecisions()).isEqualTo(made);
        assertThat(recorded).isEqualTo(made);
        assertThat(Suspects.read(store)).hasSize(1);
    }

    @Test
    void rejectingOneOfTwoLinksKeepsTheSuspectAndSplittingSeparatesIt() {
        decisions.decide(LinkDecisions.Action.REJECT, "davey@libera", "skype:dave.example", "ana", "");
        assertThat(Suspects.read(store)).hasSize(1);

        List<LinkDecision> split = decisions.decide(LinkDecisions.Action.SPLIT, "davey@libera", null, "ana",
                "another man");
        assertThat(split).extracting(LinkDecision::keyKind).containsExactly("email");
        assertThat(Suspects.read(store)).hasSize(2);
        assertThat(recorded).hasSize(2);
    }

    @Test
    void noSuchLinkDecidesNothingAndABadAccountIsSaid() {
        assertThat(decisions.decide(LinkDecisions.Action.CONFIRM, "davey@libera", "skype:nobody", "ana", ""))
                .isEmpty();
        assertThat(decisions.decide(LinkDecisions.Action.SPLIT, "zed@libera", null, "ana", "")).isEmpty();
        assertThat(store.linkDecisions()).isEmpty();
        assertThatThrownBy(() -> decisions.decide(LinkDecisions.Action.SPLIT, "davey", null, "ana", ""))
                .hasMessageContaining("HANDLE@NETWORK");
    }

    private void said(String partner, Flag... flags) {
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
