package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Stage;
import org.sweetie.store.Stores;

/** The workbench's list: every filter, paging newest first, and what a reader may see. */
class ConversationOverviewTest {
    static final Persona SWEETIE = Persona.ofNicknames(List.of("Sweetie10"));
    static final Persona LUNA = Persona.ofNicknames(List.of("luna11"));
    static final Instant DAY1 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant DAY5 = Instant.parse("2026-03-05T10:00:00Z");

    @TempDir
    Path folder;
    ConversationStore raw;
    ConversationStore store;
    ConversationOverview overview;

    @BeforeEach
    void open() {
        raw = Stores.open(folder.resolve("store.db").toString());
        raw.persona(SWEETIE);
        raw.persona(LUNA);
        store = new AnalyzingStore(raw, Analyzer.standard());
        overview = new ConversationOverview(store, Analyzer.standard());
    }

    @AfterEach
    void close() {
        raw.close();
    }

    Conversation chat(String network, Persona persona, String partner, Instant at, String... partnerLines) {
        Conversation c = store.conversation(ConversationKey.privateChat(Network.irc(network), persona, partner));
        for (int i = 0; i < partnerLines.length; i++) {
            store.append(c, Message.received(at.plusSeconds(i), Author.PARTNER, partner, partnerLines[i], null,
                    null));
        }
        return c;
    }

    static ConversationFilter filter(Instant since, Instant until, String network, String persona, String identifier,
                                     String text) {
        return new ConversationFilter(Set.of(), null, null, since, until, null, network, persona, identifier, text);
    }

    List<Long> ids(ConversationFilter filter) {
        return overview.page(filter, Desk.EVERYONE, 0, 100).shown().stream().map(ConversationSummary::id).toList();
    }

    @Test
    void everyFilterNarrowsTheList() {
        Conversation alice = chat("libera", SWEETIE, "alice", DAY1, "hi", "mail me at alice.k@example.com");
        Conversation bob = chat("efnet", SWEETIE, "bob", DAY5, "hello there", "do you like DRAWING?");
        Conversation carol = chat("libera", LUNA, "carol", DAY5, "hey");

        assertThat(ids(ConversationFilter.ALL)).containsExactly(carol.id(), bob.id(), alice.id());
        assertThat(ids(filter(null, null, "LIBERA", null, null, null))).containsExactly(carol.id(), alice.id());
        assertThat(ids(filter(null, null, null, "luna11", null, null))).containsExactly(carol.id());
        assertThat(ids(filter(null, null, null, null, "ALICE.K@EXAMPLE.COM", null))).containsExactly(alice.id());
        assertThat(ids(filter(null, null, null, null, "alice.k@", null)))
                .as("identifiers are found whole: the store keeps only keyed hashes of them").isEmpty();
        assertThat(ids(filter(null, null, null, null, "bob@", null))).isEmpty();
        assertThat(ids(filter(null, null, null, null, null, "draw"))).as("words are found whole").isEmpty();
        assertThat(ids(filter(null, null, null, null, null, "like drawing"))).containsExactly(bob.id());
        assertThat(ids(filter(null, null, null, null, null, "drawing"))).containsExactly(bob.id());
        assertThat(ids(filter(DAY5, null, null, null, null, null))).containsExactly(carol.id(), bob.id());
        assertThat(ids(filter(null, DAY1.plusSeconds(60), null, null, null, null))).containsExactly(alice.id());
        assertThat(ids(filter(null, null, "libera", "sweetie10", null, "mail"))).containsExactly(alice.id());
        assertThat(ids(new ConversationFilter(Set.of(Stage.SECRECY), null, null, null, null, null, null, null,
                null, null))).isEmpty();
    }

    @Test
    void aSearchByCountryFindsWhatAReplayOfEachConversationFinds() {
        Conversation alice = chat("libera", SWEETIE, "alice", DAY1, "hi", "i live in london, its 9pm here");
        chat("libera", SWEETIE, "bob", DAY1, "hello there");
        Conversation carol = chat("efnet", LUNA, "carol", DAY5, "hey", "call me +44 7700 900123, from manchester");
        ConversationFilter gb = new ConversationFilter(Set.of(), null, "gb", null, null, null, null, null, null,
                null);
        List<Long> replayed = overview.list(gb).stream().map(ConversationSummary::id).toList();

        assertThat(replayed).isNotEmpty();
        assertThat(ids(gb)).containsExactlyElementsOf(replayed.reversed()).containsExactly(carol.id(), alice.id());
        ConversationPage second = overview.page(gb, Desk.EVERYONE, 1, 1);
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.shown()).extracting(ConversationSummary::id).containsExactly(alice.id());
        assertThat(second.shown().getFirst().country().country()).isEqualToIgnoringCase("gb");
        assertThat(ids(new ConversationFilter(Set.of(), null, "gb", null, null, null, "efnet", null, null, null)))
                .containsExactly(carol.id());
        store.append(alice, Message.received(DAY5, Author.PARTNER, "alice", "one more line", null, null));
        assertThat(ids(gb)).as("the book forgets what changed, the country stays").contains(alice.id());
    }

    @Test
    void blankCriteriaAreNotApplied() {
        Conversation alice = chat("libera", SWEETIE, "alice", DAY1, "hi");
        assertThat(ids(filter(null, null, " ", "", "  ", ""))).containsExactly(alice.id());
    }

    @Test
    void pagesCountEverythingThatPassesAndShowTheirSliceNewestFirst() {
        for (int i = 0; i < 7; i++) {
            chat("libera", SWEETIE, "p" + i, DAY1.plusSeconds(i * 60), "line from p" + i);
        }
        ConversationPage first = overview.page(ConversationFilter.ALL, Desk.EVERYONE, 0, 3);
        ConversationPage last = overview.page(ConversationFilter.ALL, Desk.EVERYONE, 6, 3);

        assertThat(first.total()).isEqualTo(7);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.shown()).extracting(s -> s.conversation().key().partnerAccount())
                .containsExactly("p6", "p5", "p4");
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(last.number()).isEqualTo(3);
        assertThat(last.shown()).extracting(s -> s.conversation().key().partnerAccount()).containsExactly("p0");
        assertThat(last.hasNext()).isFalse();
        assertThat(overview.page(ConversationFilter.ALL, Desk.EVERYONE, 30, 3).shown()).isEmpty();
        assertThatThrownBy(() -> overview.page(ConversationFilter.ALL, Desk.EVERYONE, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyWhatTheReaderMaySeeIsCountedAndShown() {
        chat("libera", SWEETIE, "alice", DAY1, "hi");
        Conversation bob = chat("libera", SWEETIE, "bob", DAY1, "hi");
        store.append(bob, Message.received(DAY5, Author.operator("op-1"), "Sweetie10", "hello", null, null));
        try (var unit = store.appender()) {
            unit.record(bob, new Event(DAY5, EventKind.OPERATOR, "op-1", "taken over by op-1", null, null));
            unit.commit();
        }
        ConversationPage desk = overview.page(ConversationFilter.ALL, Desk.of(java.util.Set.of()), 0, 10);

        assertThat(desk.total()).isEqualTo(1);
        assertThat(desk.shown()).extracting(ConversationSummary::id).containsExactly(bob.id());
        assertThat(overview.one(bob.id())).hasValueSatisfying(s -> assertThat(s.reachedOperators()).isTrue());
        assertThat(overview.one(bob.id() + 100)).isEmpty();
    }
}
