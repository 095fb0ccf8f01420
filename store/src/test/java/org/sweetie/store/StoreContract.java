package org.sweetie.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Account;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationQuery;
import org.sweetie.core.ConversationStats;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.EvidenceStorage;
import org.sweetie.core.Flag;
import org.sweetie.core.ImportedFile;
import org.sweetie.core.LinkDecision;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Role;
import org.sweetie.core.Stage;
import org.sweetie.core.User;
import org.sweetie.core.UserStore;

/** The storage test suite. It runs unchanged against every database Sweetie supports. */
abstract class StoreContract {
    static final Network LIBERA = Network.irc("libera");
    static final Persona SWEETIE = new Persona("sweetie10", List.of("sweetie10", "Sweetie_ph"), 10, "PH",
            List.of("en", "tl"), "likes drawing");
    static final Instant T0 = Instant.parse("2013-10-01T12:00:00Z");

    ConversationStore store;

    /** A URL of a fresh, empty store of this test's database. */
    abstract String freshUrl();

    /** The URL the current store was opened at, for reopening it. */
    String url;

    /** Every store of the suite is sealed, as the application's are (docs/security.md). */
    final StoreKeys keys = StoreKeys.random();

    @BeforeEach
    void open() {
        url = freshUrl();
        store = Stores.open(url, keys);
        store.persona(SWEETIE);
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
        dispose();
    }

    /** Removes what {@link #freshUrl()} created, once the store is closed. */
    void dispose() throws Exception {
    }

    Conversation chatWith(String partner) {
        return store.conversation(ConversationKey.privateChat(LIBERA, SWEETIE, partner));
    }

    static Message partnerSays(int second, String text, String sourceId) {
        return Message.received(T0.plusSeconds(second), Author.PARTNER, "alice", text, "raw " + text, sourceId);
    }

    @Test
    void findingAnAccountOnlyReads() {
        assertThat(store.findAccount(LIBERA, "Alice")).isEmpty();
        long before = store.changes();
        assertThat(store.findAccount(LIBERA, "alice")).isEmpty();
        Account alice = store.sawAccount(store.account(LIBERA, "alice"), "Alice", "alice@192.0.2.7");

        assertThat(store.findAccount(LIBERA, "ALICE")).contains(alice);
        assertThat(store.findAccount(Network.irc("efnet"), "alice")).isEmpty();
        assertThat(store.counts().accounts()).isEqualTo(1);
        assertThat(store.changes()).isGreaterThan(before);
    }

    @Test
    void aNewConversationHasAnEmptySummary() {
        Conversation c = chatWith("alice");
        assertThat(store.conversationStats(ConversationQuery.ALL, 0, 10)).containsExactly(
                new ConversationStats(c, null, null, 0, 0, Set.of(), "none", false));
        assertThat(store.countConversations(ConversationQuery.ALL)).isEqualTo(1);
    }

    @Test
    void theSummaryFollowsWhatAUnitOfWorkAdds() {
        Conversation c = chatWith("alice");
        try (ConversationStore.Appender unit = store.appender()) {
            unit.add(c, partnerSays(1, "hi", null));
            unit.add(c, Message.received(T0.plusSeconds(9), Author.BOT, "sweetie10", "hello", null, null));
            unit.flag(c, new Flag(1, "stage", "webcam_request", ""));
            unit.flag(c, new Flag(1, "qualified", "solicitation", ""));
            unit.flag(c, new Flag(2, "stage", "age_awareness", ""));
            unit.flag(c, new Flag(2, "stage", "webcam_request", ""));
            unit.record(c, new Event(T0, EventKind.JOIN, "alice", "joined", null, null));
            unit.commit();
            // a message sent earlier but stored later is still the last (by sequence), as the transcript has it
            unit.add(c, partnerSays(0, "late", null));
            unit.flag(c, new Flag(3, "qualified", "wcst", ""));
            unit.flag(c, new Flag(3, "qualified", "solicitation", ""));
            unit.record(c, new Event(T0, EventKind.OPERATOR, "op1", "took over", null, null));
            unit.commit();
        }
        assertThat(store.conversationStats(ConversationQuery.ALL, 0, 10)).containsExactly(new ConversationStats(c,
                T0.plusSeconds(1), T0, 3, 2, Set.of(Stage.WEBCAM_REQUEST, Stage.AGE_AWARENESS), "wcst", true));
    }

    /** What the summaries must say of one conversation, kept by the test from what it added and committed. */
    private static final class Expected {
        final List<Instant> times = new ArrayList<>();
        int events;
        boolean operator;
        final Set<Stage> stages = new java.util.HashSet<>();
        String qualification = "none";

        Expected copy() {
            Expected e = new Expected();
            e.times.addAll(times);
            e.events = events;
            e.operator = operator;
            e.stages.addAll(stages);
            e.qualification = qualification;
            return e;
        }

        ConversationStats stats(Conversation c) {
            return new ConversationStats(c, times.isEmpty() ? null : times.getFirst(),
                    times.isEmpty() ? null : times.getLast(), times.size(), events, stages, qualification, operator);
        }
    }

    /**
     * The summaries are kept up to date by counting on from what each unit adds: after random units of messages
     * (sent in any order of time), events, flags, commits and discarded work, on conversations old and new, they say
     * what the test itself expects from what it committed. Seeded, so a failure is repeated by its seed.
     */
    @Test
    void summariesKeptByCountingOnSayWhatWasCommitted() {
        for (long seed = 1; seed <= 4; seed++) {
            java.util.Random random = new java.util.Random(seed);
            java.util.Map<Long, Expected> committed = new java.util.HashMap<>();
            List<Conversation> conversations = new ArrayList<>();
            for (int unitNo = 0; unitNo < 25; unitNo++) {
                if (conversations.isEmpty() || random.nextInt(4) == 0) {
                    Conversation c = chatWith("s" + seed + "p" + conversations.size());
                    conversations.add(c);
                    committed.put(c.id(), new Expected());
                }
                java.util.Map<Long, Expected> working = new java.util.HashMap<>();
                committed.forEach((id, e) -> working.put(id, e.copy()));
                boolean commit = random.nextInt(5) != 0;
                try (ConversationStore.Appender unit = store.appender()) {
                    for (int op = 0; op < 1 + random.nextInt(12); op++) {
                        Conversation c = conversations.get(random.nextInt(conversations.size()));
                        Expected e = working.get(c.id());
                        switch (random.nextInt(6)) {
                            case 0, 1, 2 -> {
                                Instant time = T0.plusSeconds(random.nextInt(10_000));
                                unit.add(c, Message.received(time, Author.PARTNER, "p", "line " + op, null, null));
                                e.times.add(time);
                            }
                            case 3 -> {
                                EventKind kind = random.nextBoolean() ? EventKind.OPERATOR : EventKind.JOIN;
                                unit.record(c, new Event(T0.plusSeconds(op), kind, "x", "d", null, null));
                                e.events++;
                                e.operator |= kind == EventKind.OPERATOR;
                            }
                            case 4 -> {
                                Stage stage = Stage.values()[random.nextInt(Stage.values().length)];
                                unit.flag(c, new Flag(1, "stage", stage.name().toLowerCase(java.util.Locale.ROOT),
                                        ""));
                                e.stages.add(stage);
                            }
                            default -> {
                                String level = random.nextBoolean() ? "wcst" : "solicitation";
                                unit.flag(c, new Flag(1, "qualified", level, ""));
                                e.qualification = level.equals("wcst") || e.qualification.equals("wcst") ? "wcst"
                                        : level;
                            }
                        }
                    }
                    if (commit) {
                        unit.commit();
                    }
                }
                if (commit) {
                    committed.clear();
                    committed.putAll(working);
                }
                for (Conversation c : conversations) {
                    assertThat(store.conversationStats(List.of(c.id())))
                            .as("seed %d, unit %d, conversation %d", seed, unitNo, c.id())
                            .containsExactly(committed.get(c.id()).stats(c));
                }
            }
        }
    }

    @Test
    void whatAUnitDiscardsLeavesTheSummaryAsItWas() {
        Conversation c = chatWith("alice");
        store.append(c, partnerSays(1, "hi", null));
        try (ConversationStore.Appender unit = store.appender()) {
            unit.add(c, partnerSays(2, "gone", null));
            unit.flag(c, new Flag(2, "qualified", "wcst", ""));
        }
        assertThat(store.conversationStats(ConversationQuery.ALL, 0, 10).getFirst().messages()).isEqualTo(1);
        assertThat(store.conversationStats(ConversationQuery.ALL, 0, 10).getFirst().qualification())
                .isEqualTo("none");
    }

    @Test
    void summariesArePagedNewestFirstAndCounted() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(chatWith("p" + i).id());
        }
        assertThat(store.conversationStats(ConversationQuery.ALL, 2, 3).stream().map(s -> s.conversation().id()))
                .containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertThat(store.conversationStats(ConversationQuery.ALL, 6, 3)).hasSize(1);
        assertThat(store.conversationStats(ConversationQuery.ALL, 7, 3)).isEmpty();
        assertThat(store.conversationStats(ConversationQuery.ALL, 0, Integer.MAX_VALUE)).hasSize(7);
        assertThat(store.countConversations(ConversationQuery.ALL)).isEqualTo(7);
    }

    @Test
    void theStoreFiltersOnSummaries() {
        Persona luna = store.persona(Persona.ofNicknames(List.of("luna11")));
        Conversation alice = chatWith("Alice");
        Conversation bob = store.conversation(ConversationKey.privateChat(Network.irc("EFnet"), luna, "bob"));
        Conversation carol = chatWith("carol");
        try (ConversationStore.Appender unit = store.appender()) {
            unit.add(alice, partnerSays(0, "a", null));
            unit.flag(alice, new Flag(1, "stage", "webcam_request", ""));
            unit.flag(alice, new Flag(1, "stage", "payment_offer", ""));
            unit.flag(alice, new Flag(1, "qualified", "wcst", ""));
            unit.add(bob, partnerSays(100, "b", null));
            unit.flag(bob, new Flag(1, "stage", "webcam_request", ""));
            unit.flag(bob, new Flag(1, "qualified", "solicitation", ""));
            unit.add(carol, partnerSays(200, "c", null));
            unit.record(carol, new Event(T0, EventKind.OPERATOR, "op1", "took over", null, null));
            unit.commit();
        }
        assertThat(ids(query(Set.of(Stage.WEBCAM_REQUEST), null, null, null, null, null, null, null)))
                .containsExactly(bob.id(), alice.id());
        assertThat(ids(query(Set.of(Stage.WEBCAM_REQUEST, Stage.PAYMENT_OFFER), null, null, null, null, null, null,
                null))).containsExactly(alice.id());
        assertThat(ids(query(Set.of(), "wcst", null, null, null, null, null, null))).containsExactly(alice.id());
        assertThat(ids(query(Set.of(), "any", null, null, null, null, null, null)))
                .containsExactly(bob.id(), alice.id());
        assertThat(ids(query(Set.of(), null, T0.plusSeconds(100), null, null, null, null, null)))
                .containsExactly(carol.id(), bob.id());
        assertThat(ids(query(Set.of(), null, null, T0.plusSeconds(100), null, null, null, null)))
                .containsExactly(bob.id(), alice.id());
        assertThat(ids(query(Set.of(), null, null, null, "alice", null, null, null))).containsExactly(alice.id());
        assertThat(ids(query(Set.of(), null, null, null, null, "efnet", null, null))).containsExactly(bob.id());
        assertThat(ids(query(Set.of(), null, null, null, null, null, "LUNA11", null))).containsExactly(bob.id());
        assertThat(ids(query(Set.of(), null, null, null, null, null, null, Set.of()))).containsExactly(carol.id());
        assertThat(ids(query(Set.of(), null, null, null, null, null, null, Set.of("luna11"))))
                .containsExactly(carol.id(), bob.id());
        ConversationQuery none = query(Set.of(Stage.PAYMENT_OFFER), "any", null, null, "bob", null, null, null);
        assertThat(store.conversationStats(none, 0, 10)).isEmpty();
        assertThat(store.countConversations(none)).isZero();
        assertThat(store.countConversations(query(Set.of(Stage.WEBCAM_REQUEST), null, null, null, null, null, null,
                null))).isEqualTo(2);
    }

    private static ConversationQuery query(Set<Stage> stages, String qualified, Instant since, Instant until,
                                           String partner, String network, String persona, Set<String> desk) {
        return new ConversationQuery(stages, qualified, since, until, partner, network, persona, desk);
    }

    private List<Long> ids(ConversationQuery query) {
        return store.conversationStats(query, 0, 100).stream().map(s -> s.conversation().id()).toList();
    }

    @Test
    void theChangeCountMovesWithEveryChangeSuspectsReadAndOnlyThen() {
        long before = store.changes();
        Conversation c = chatWith("alice");
        long created = store.changes();
        assertThat(created).isGreaterThan(before);
        chatWith("alice");
        store.messages(c.id());
        store.users().add(new User("ana", Role.ANALYST, "$argon2id$x", T0, null));
        assertThat(store.changes()).isEqualTo(created);
        store.append(c, partnerSays(1, "hi", null));
        long appended = store.changes();
        assertThat(appended).isGreaterThan(created);
        store.sawAccount(store.account(LIBERA, "alice"), "Alice", "alice@192.0.2.1");
        long seen = store.changes();
        assertThat(seen).isGreaterThan(appended);
        store.recordLinkDecision(new LinkDecision(T0, "ana", "reject", "email", "a@example.com", "libera", "alice",
                ""));
        long decided = store.changes();
        assertThat(decided).isGreaterThan(seen);
        store.delete(List.of(c.id()));
        assertThat(store.changes()).isGreaterThan(decided);
        assertThat(store.conversationStats(ConversationQuery.ALL, 0, 10)).isEmpty();
    }

    @Test
    void theStoreTellsWhichConversationsChangedAfterACount() {
        Conversation alice = chatWith("alice");
        Conversation bob = chatWith("bob");
        long start = store.changes();
        assertThat(store.changedSince(start)).isEqualTo(new ConversationStore.Changed(start, List.of(), false));
        assertThat(store.changedSince(0).conversations()).containsExactly(alice.id(), bob.id());
        assertThat(store.conversationIds(ConversationQuery.ALL)).containsExactly(bob.id(), alice.id());

        store.append(bob, partnerSays(1, "hi", null));
        ConversationStore.Changed appended = store.changedSince(start);
        assertThat(appended.changes()).isEqualTo(store.changes()).isGreaterThan(start);
        assertThat(appended.conversations()).containsExactly(bob.id());
        assertThat(appended.deleted()).isFalse();

        try (var unit = store.appender()) {
            unit.flag(alice, new org.sweetie.core.Flag(0, "identifier", "email", "a@example.com"));
            unit.commit();
        }
        assertThat(store.changedSince(appended.changes()).conversations()).containsExactly(alice.id());
        long flagged = store.changes();

        // the partner's account seen at a host: every conversation with that partner changed
        Conversation aliceInChannel = store.conversation(new ConversationKey(LIBERA, SWEETIE.handle(), "sweetie10",
                "alice", "#chat"));
        long opened = store.changes();
        assertThat(store.changedSince(flagged).conversations()).containsExactly(aliceInChannel.id());
        store.sawAccount(store.account(LIBERA, "alice"), "Alice", "alice@192.0.2.1");
        assertThat(store.changedSince(opened).conversations()).containsExactly(alice.id(), aliceInChannel.id());

        // a link decision is counted but touches no conversation: readers read the decisions again
        long seen = store.changes();
        store.recordLinkDecision(new LinkDecision(T0, "ana", "reject", "email", "a@example.com", "libera", "alice",
                ""));
        assertThat(store.changedSince(seen).conversations()).isEmpty();
        assertThat(store.changedSince(seen).changes()).isGreaterThan(seen);

        long decided = store.changes();
        store.delete(List.of(bob.id()));
        assertThat(store.changedSince(decided).deleted()).isTrue();
        assertThat(store.changedSince(store.changes()).deleted()).isFalse();
        assertThat(store.conversationStats(List.of(bob.id(), alice.id()))).extracting(s -> s.conversation().id())
                .containsExactly(alice.id());
    }

    @Test
    void theStoreKnowsWhenItLastStoredSomethingOfAConversationHoweverOldItsLines() {
        Conversation c = chatWith("alice");
        java.time.Instant before = java.time.Instant.now().minusMillis(1);
        store.append(c, partnerSays(0, "a line from long ago", "old-1")); // T0 is years before now
        java.time.Instant stored = store.storedAt(c.id()).orElseThrow();
        assertThat(stored).isAfterOrEqualTo(before).isAfter(store.messages(c.id()).getFirst().time());
        assertThat(store.storedAt(c.id() + 1000)).isEmpty();
        store.delete(List.of(c.id()));
        assertThat(store.storedAt(c.id())).isEmpty();
    }

    @Test
    void personaIsStoredOnceAndReadBackWhole() {
        Persona again = store.persona(new Persona("SWEETIE10", List.of("other"), 12, "NL", List.of(), ""));
        assertThat(again).isEqualTo(SWEETIE);
        assertThat(store.counts().personas()).isEqualTo(1);
    }

    @Test
    void aPersonaKnownOnlyByNicknamesHasNoAge() {
        Persona imported = store.persona(Persona.ofNicknames(List.of("Sweetie_NL", "sweetie_be")));
        assertThat(imported.statedAge()).isNull();
        assertThat(imported.nicknames()).containsExactly("Sweetie_NL", "sweetie_be");
        assertThat(imported.languages()).isEmpty();
    }

    @Test
    void accountsAreFoldedLikeIrcNicksAndCollectNamesAndHost() {
        Account first = store.account(LIBERA, "Alice[1]");
        Account same = store.account(LIBERA, "alice{1}");
        assertThat(same.id()).isEqualTo(first.id());

        store.sawAccount(first, "Alice[1]", "~al@198.51.100.7");
        Account seen = store.sawAccount(first, "alice_away", null);
        assertThat(seen.displayNames()).containsExactly("Alice[1]", "alice_away");
        assertThat(seen.host()).isEqualTo("~al@198.51.100.7");
        assertThat(store.account(Network.irc("other"), "alice{1}").id()).isNotEqualTo(first.id());
    }

    @Test
    void anAccountSeenByNetworkAndHandleIsCreatedFoldedAndCollectsNamesAndHostAsByAccount() {
        store.sawAccount(LIBERA, "Bob[2]", "Bob[2]", "~bob@203.0.113.9");
        long before = store.changes();
        store.sawAccount(LIBERA, "bob{2}", "bob_away", null);
        assertThat(store.changes()).isGreaterThan(before);

        Account seen = store.findAccount(LIBERA, "BOB[2]").orElseThrow();
        assertThat(seen.displayNames()).containsExactly("Bob[2]", "bob_away");
        assertThat(seen.host()).isEqualTo("~bob@203.0.113.9");
        assertThat(store.account(LIBERA, "bob[2]").id()).isEqualTo(seen.id());
    }

    @Test
    void aConversationIsCreatedOnceAndPrivateDiffersFromChannel() {
        Conversation a = chatWith("alice");
        assertThat(chatWith("ALICE").id()).isEqualTo(a.id());
        Conversation inRoom = store.conversation(ConversationKey.inChannel(LIBERA, SWEETIE, "alice", "#room"));
        assertThat(inRoom.id()).isNotEqualTo(a.id());
        assertThat(store.conversations()).containsExactly(a, inRoom);
        assertThat(store.findConversation(inRoom.id())).contains(inRoom);
        assertThat(store.findConversation(9_999)).isEmpty();
        assertThat(inRoom.key().channel()).isEqualTo("#room");
    }

    @Test
    void aConversationNeedsAKnownPersona() {
        var unknown = new ConversationKey(LIBERA, "nobody", "nobody", "alice", null);
        assertThatThrownBy(() -> store.conversation(unknown)).hasMessageContaining("unknown persona nobody");
    }

    @Test
    void aDelayStampIsKeptBesideTheTimeReceived() {
        Conversation c = chatWith("alice");
        Message kept = store.append(c, Message.received(T0.plusSeconds(60), Author.PARTNER, "alice", "sent earlier",
                null, "s1", T0.plusMillis(1_234))).orElseThrow();
        Message live = store.append(c, partnerSays(61, "now", "s2")).orElseThrow();

        assertThat(store.messages(c.id())).containsExactly(kept, live);
        assertThat(store.messages(c.id()).get(0).time()).isEqualTo(T0.plusSeconds(60));
        assertThat(store.messages(c.id()).get(0).delayStamp()).isEqualTo(T0.plusMillis(1_234));
        assertThat(store.messages(c.id()).get(1).delayStamp()).isNull();
    }

    @Test
    void messagesGetSequenceNumbersInOrderAndReadBackWhole() {
        Conversation c = chatWith("alice");
        Message hello = store.append(c, partnerSays(1, "hello", "s1")).orElseThrow();
        Message reply = store.append(c, Message.received(T0.plusSeconds(2), Author.operator("op-7"), "sweetie10",
                "hi who r u", null, null)).orElseThrow();
        Message bot = store.append(c, Message.received(T0.plusMillis(2_345), Author.BOT, "sweetie10", "im 10",
                null, "s3")).orElseThrow();

        assertThat(List.of(hello.seq(), reply.seq(), bot.seq())).containsExactly(1L, 2L, 3L);
        assertThat(store.messages(c.id())).containsExactly(hello, reply, bot);
        assertThat(store.messages(c.id()).get(1).author().operatorId()).isEqualTo("op-7");
        assertThat(store.messages(c.id()).get(2).time()).isEqualTo(T0.plusMillis(2_345));
    }

    @Test
    void aSourceIdIsStoredOnlyOnce() {
        Conversation c = chatWith("alice");
        store.append(c, partnerSays(1, "hello", "s1"));
        Optional<Message> again = store.append(c, partnerSays(1, "hello", "s1"));
        assertThat(again).isEmpty();
        assertThat(store.append(c, partnerSays(2, "hello", null))).isPresent();
        assertThat(store.append(c, partnerSays(2, "hello", null))).isPresent();
        assertThat(store.messages(c.id())).extracting(Message::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void sameSourceIdTwiceInOneUnitFailsInsteadOfDroppingSilently() {
        Conversation c = chatWith("alice");
        try (var appender = store.appender()) {
            appender.add(c, partnerSays(1, "hello", "dup"));
            appender.add(c, partnerSays(2, "hello", "dup"));
            assertThatThrownBy(appender::commit).isInstanceOf(StoreException.class);
        }
        assertThat(store.messages(c.id())).isEmpty();
        assertThat(store.append(c, partnerSays(3, "after", "x")).orElseThrow().seq()).isEqualTo(1);
    }

    @Test
    void nothingOfAnUncommittedUnitIsVisibleOrKept() {
        Conversation c = chatWith("alice");
        store.append(c, partnerSays(1, "one", "s1"));
        try (var appender = store.appender()) {
            appender.add(c, partnerSays(2, "two", "s2"));
            Conversation created = store.conversation(ConversationKey.privateChat(LIBERA, SWEETIE, "bob"));
            appender.add(created, partnerSays(3, "three", "s3"));
            assertThat(store.messages(c.id())).hasSize(1);
        }
        assertThat(store.messages(c.id())).extracting(Message::text).containsExactly("one");
        assertThat(store.conversations()).hasSize(1);
        assertThat(store.append(c, partnerSays(4, "four", "s4")).orElseThrow().seq()).isEqualTo(2);
    }

    @Test
    void aLargeUnitCommitsEverythingInOrder() {
        Conversation c = chatWith("alice");
        Conversation d = chatWith("bob");
        try (var appender = store.appender()) {
            for (int i = 0; i < 5_001; i++) {
                appender.add(i % 2 == 0 ? c : d, partnerSays(i, "line " + i, "s" + i));
            }
            appender.commit();
        }
        List<Message> ofC = store.messages(c.id());
        assertThat(ofC).hasSize(2_501);
        assertThat(ofC.getLast().seq()).isEqualTo(2_501);
        assertThat(ofC.getLast().text()).isEqualTo("line 5000");
        assertThat(store.counts().messages()).isEqualTo(5_001);
    }

    @Test
    void eventsAreKeptInOrderOnce() {
        Conversation c = chatWith("alice");
        Event join = new Event(T0, EventKind.JOIN, "alice", "joined #room", "raw join", "e1");
        Event nick = new Event(T0.plusSeconds(5), EventKind.NICK_CHANGE, "alice", "is now known as alice2", null,
                null);
        try (var appender = store.appender()) {
            assertThat(appender.record(c, join)).isTrue();
            assertThat(appender.record(c, nick)).isTrue();
            assertThat(appender.record(c, join)).isFalse();
            appender.commit();
        }
        assertThat(store.events(c.id())).containsExactly(join.placedAfter(0), nick.placedAfter(0));
        assertThat(store.counts().events()).isEqualTo(2);
    }

    @Test
    void theConversationsWithAnEventOfAKindAreFoundOnceEach() {
        Conversation alice = chatWith("alice");
        Conversation bob = chatWith("bob");
        Conversation carol = chatWith("carol");
        try (var unit = store.appender()) {
            unit.record(carol, new Event(T0, EventKind.WARNING, "bot", "deterrence warning level 1 of 2", null, null));
            unit.record(carol, new Event(T0.plusSeconds(1), EventKind.WARNING, "bot", "deterrence warning level 2 of 2",
                    null, null));
            unit.record(alice, new Event(T0, EventKind.WARNING, "bot", "deterrence warning level 1 of 2", null, null));
            unit.record(bob, new Event(T0, EventKind.QUIT, "bob", "has quit", null, null));
            unit.commit();
        }
        assertThat(store.conversationsWithEvent(EventKind.WARNING)).containsExactly(alice.id(), carol.id());
        assertThat(store.conversationsWithEvent(EventKind.QUIT)).containsExactly(bob.id());
        assertThat(store.conversationsWithEvent(EventKind.OPERATOR)).isEmpty();
    }

    /** irssi logs have minute precision: the time alone cannot tell whether a nick change came before a line. */
    @Test
    void anEventIsPlacedAfterTheMessagesStoredBeforeIt() {
        Conversation c = chatWith("alice");
        Event nick = new Event(T0, EventKind.NICK_CHANGE, "alice", "is now known as alice2", null, null);
        Event quit = new Event(T0, EventKind.QUIT, "alice2", "has quit", null, null);
        try (var unit = store.appender()) {
            unit.add(c, Message.received(T0, Author.PARTNER, "alice", "before", null, null));
            unit.record(c, nick);
            unit.add(c, Message.received(T0, Author.PARTNER, "alice2", "after", null, null));
            unit.add(c, Message.received(T0, Author.PARTNER, "alice2", "last", null, null));
            unit.record(c, quit);
            unit.commit();
        }
        try (var unit = store.appender()) { // a later unit of work goes on from the committed messages
            unit.record(c, nick);
            unit.commit();
        }
        assertThat(store.events(c.id())).extracting(Event::afterSeq).containsExactly(1L, 3L, 3L);
        assertThat(store.events(c.id()).getFirst()).isEqualTo(nick.placedAfter(1));
    }

    @Test
    void importRunsAreFoundByPathOrByHeadAndTheirProgressRecorded() {
        ImportedFile run = store.recordImport(new ImportedFile(0, "/logs/a.weechatlog", "head-a", 100, 3, "sha-100",
                T0));
        assertThat(run.id()).isPositive();
        ImportedFile progressed = store.recordImport(new ImportedFile(run.id(), run.path(), "head-a", 250, 7,
                "sha-250", T0.plusSeconds(9)));
        store.recordImport(new ImportedFile(0, "/other/b.log", "head-b", 10, 1, "sha-b", T0));

        assertThat(store.importedFiles("/logs/a.weechatlog", "nothing")).containsExactly(progressed);
        assertThat(store.importedFiles("/copy/a.weechatlog", "head-a")).containsExactly(progressed);
        assertThat(store.importedFiles("/elsewhere", "nothing")).isEmpty();
        assertThatThrownBy(() -> store.recordImport(progressed.withId(999))).hasMessageContaining("#999");
    }

    @Test
    void anImportRunRecordedInsideAUnitIsDiscardedWithIt() {
        Conversation c = chatWith("alice");
        try (var appender = store.appender()) {
            appender.add(c, partnerSays(1, "one", null));
            store.recordImport(new ImportedFile(0, "/logs/a", "h", 10, 1, "s", T0));
        }
        assertThat(store.importedFiles("/logs/a", "h")).isEmpty();
        assertThat(store.messages(c.id())).isEmpty();
    }

    @Test
    void evidenceEntriesNodesAndCheckpointsAreKeptInOrder() {
        EvidenceStorage evidence = store.evidence();
        assertThat(evidence.size()).isZero();
        assertThat(evidence.latestCheckpoint()).isEmpty();
        Conversation c = chatWith("alice");
        List<EvidenceStorage.Record> records = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            records.add(new EvidenceStorage.Record(i, "message", i % 3 == 0 ? null : c.id(),
                    ("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        List<EvidenceStorage.Node> nodes = List.of(new EvidenceStorage.Node(1, 0, new byte[] {1, 2}),
                new EvidenceStorage.Node(8, 1, new byte[32]));
        evidence.append(records, nodes);

        assertThat(evidence.size()).isEqualTo(450);
        assertThat(evidence.entry(449)).asString(StandardCharsets.UTF_8).isEqualTo("entry 449");
        assertThat(evidence.node(1, 0)).containsExactly(1, 2);
        assertThat(evidence.node(8, 1)).hasSize(32);
        assertThat(evidence.entriesOf(c.id())).hasSize(300).startsWith(1L, 2L, 4L);
        assertThatThrownBy(() -> evidence.node(2, 0)).hasMessageContaining("no node 2/0");

        var first = new EvidenceStorage.Checkpoint(100, "note 100\n", null, T0);
        var second = new EvidenceStorage.Checkpoint(450, "note 450\n", new byte[] {9, 9}, T0.plusSeconds(1));
        evidence.saveCheckpoint(first);
        evidence.saveCheckpoint(second);
        evidence.saveCheckpoint(first);
        assertThat(evidence.latestCheckpoint()).hasValueSatisfying(cp -> {
            assertThat(cp.size()).isEqualTo(450);
            assertThat(cp.timestampToken()).containsExactly(9, 9);
            assertThat(cp.createdAt()).isEqualTo(T0.plusSeconds(1));
        });
    }

    @Test
    void evidenceAppendedInsideAUnitCommitsAndVanishesWithIt() {
        Conversation c = chatWith("alice");
        EvidenceStorage evidence = store.evidence();
        try (var unit = store.appender()) {
            unit.add(c, partnerSays(1, "one", null));
            evidence.append(List.of(new EvidenceStorage.Record(0, "message", c.id(), new byte[] {1})), List.of());
            assertThat(evidence.size()).isEqualTo(1);
        }
        assertThat(evidence.size()).isZero();
        try (var unit = store.appender()) {
            for (int i = 0; i < 2_500; i++) {
                unit.add(c, partnerSays(i, "m" + i, null));
                evidence.append(List.of(new EvidenceStorage.Record(i, "message", c.id(), new byte[] {(byte) i})),
                        List.of());
            }
            unit.commit();
        }
        assertThat(evidence.size()).isEqualTo(2_500);
        assertThat(evidence.entriesOf(c.id())).hasSize(2_500);
        assertThat(store.messages(c.id())).hasSize(2_500);
    }

    @Test
    void aMessageEntryIsKeptAsItsMessageRowAndReadBackAsTheStoredMessage() {
        Conversation c = chatWith("alice");
        EvidenceStorage evidence = store.evidence();
        Message stored;
        try (var unit = store.appender()) {
            stored = unit.add(c, Message.received(T0.plusNanos(1_234_567), Author.operator("op-7"), "Sweetie10",
                    "tab\there, a \\ and a lone \uD800 surrogate", "raw\nline", "src-1",
                    T0.minusSeconds(30))).orElseThrow();
            evidence.append(List.of(
                    new EvidenceStorage.Record(0, "message", c.id(), LEAF, stored.seq()),
                    new EvidenceStorage.Record(1, "event", c.id(), "event body".getBytes(StandardCharsets.UTF_8))),
                    List.of());
            // inside the unit, before its commit: a proof built there reads it
            assertThat(evidence.recordedMessage(0)).hasValueSatisfying(m ->
                    assertThat(m.message()).isEqualTo(inMillis(stored)));
            unit.commit();
        }

        assertThat(evidence.entry(0)).as("not stored twice").isNull();
        assertThat(evidence.entry(1)).asString(StandardCharsets.UTF_8).isEqualTo("event body");
        assertThat(evidence.keptLeaf(0)).as("the tree reads the logged leaf, not the row").hasValue(LEAF);
        assertThat(evidence.keptLeaf(1)).as("stored with its bytes").isEmpty();
        assertThat(evidence.recordedMessage(1)).isEmpty();
        assertThat(evidence.recordedMessage(0)).hasValueSatisfying(m -> {
            assertThat(m.conversation()).isEqualTo(c);
            assertThat(m.leaf()).as("the leaf hash logged with it").isEqualTo(LEAF);
            // the store keeps milliseconds, as the entry's time field does
            assertThat(m.message()).isEqualTo(inMillis(stored));
        });
        assertThat(evidence.entriesOfKind("message")).singleElement().satisfies(r -> {
            assertThat(r.body()).isNull();
            assertThat(r.messageSeq()).isEqualTo(stored.seq());
        });

        evidence.redact(java.util.Map.of(0L, new byte[32]));
        assertThat(evidence.recordedMessage(0)).as("redacted: only the leaf hash is left").isEmpty();
        assertThat(evidence.keptLeaf(0)).hasValue(new byte[32]);
    }

    private static final byte[] LEAF = "a leaf hash of thirty-two bytes!".getBytes(StandardCharsets.UTF_8);

    private static Message inMillis(Message m) {
        return new Message(m.seq(), Instant.ofEpochMilli(m.time().toEpochMilli()), m.author(), m.sender(), m.text(),
                m.raw(), m.sourceId(), m.delayStamp());
    }

    @Test
    void aMessageEntryWhoseMessageRowIsGoneIsAnErrorNamingIt() {
        Conversation c = chatWith("alice");
        Message stored = store.append(c, partnerSays(1, "one", null)).orElseThrow();
        store.evidence().append(List.of(new EvidenceStorage.Record(0, "message", c.id(), new byte[] {1},
                stored.seq())), List.of());
        store.delete(List.of(c.id())); // not through a purge, which would have kept the entry's leaf hash

        assertThatThrownBy(() -> store.evidence().recordedMessage(0))
                .hasMessageContaining("evidence entry 0 records message " + stored.seq())
                .hasMessageContaining("not in the store");
    }

    @Test
    void entriesOfOneKindAreReadInOrderWithTheirBodies() {
        Conversation c = chatWith("alice");
        List<EvidenceStorage.Record> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String kind = i % 3 == 0 ? "audit" : i % 5 == 0 ? "link_decision" : "message";
            records.add(new EvidenceStorage.Record(i, kind, kind.equals("message") ? c.id() : null,
                    ("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        store.evidence().append(records, List.of());

        assertThat(store.evidence().entriesOfKind("audit")).extracting(EvidenceStorage.Record::index)
                .containsExactly(0L, 3L, 6L, 9L, 12L, 15L, 18L, 21L, 24L, 27L);
        assertThat(store.evidence().entriesOfKind("link_decision")).extracting(EvidenceStorage.Record::index)
                .containsExactly(5L, 10L, 20L, 25L);
        assertThat(store.evidence().entriesOfKind("audit").get(1)).satisfies(r -> {
            assertThat(r.kind()).isEqualTo("audit");
            assertThat(r.conversationId()).isNull();
            assertThat(r.body()).asString(StandardCharsets.UTF_8).isEqualTo("entry 3");
        });
        assertThat(store.evidence().entriesOfKind("message").getFirst().conversationId()).isEqualTo(c.id());
        assertThatThrownBy(() -> store.evidence().entriesOfKind("audit' OR '1'='1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usersAreAddedOnceFoundAndDisabledNeverDeleted() {
        UserStore users = store.users();
        User alice = new User("alice", Role.ANALYST, "$argon2id$hash-a", T0, null);
        assertThat(users.add(alice)).isTrue();
        assertThat(users.add(new User("alice", Role.ADMIN, "$argon2id$hash-b", T0, null))).isFalse();
        assertThat(users.add(new User("bob.k", Role.SUPERVISOR, "$argon2id$hash-c", T0.plusSeconds(1), null)))
                .isTrue();

        assertThat(users.find("alice")).contains(alice);
        assertThat(users.find("carol")).isEmpty();
        assertThat(users.all()).extracting(User::name).containsExactly("alice", "bob.k");

        assertThat(users.disable("alice", T0.plusSeconds(60))).isTrue();
        assertThat(users.disable("alice", T0.plusSeconds(90))).isFalse();
        assertThat(users.disable("carol", T0)).isFalse();
        assertThat(users.find("alice")).hasValueSatisfying(u -> {
            assertThat(u.enabled()).isFalse();
            assertThat(u.disabledAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(u.role()).isEqualTo(Role.ANALYST);
        });
        store.close();
        store = Stores.open(url, keys);
        assertThat(store.users().all()).extracting(User::name, User::enabled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", false),
                        org.assertj.core.groups.Tuple.tuple("bob.k", true));
    }

    @Test
    void whatWasCommittedIsThereAfterReopening() {
        Conversation c = chatWith("alice");
        store.append(c, partnerSays(1, "kept", "s1"));
        store.close();
        store = Stores.open(url, keys);
        assertThat(store.messages(c.id())).extracting(Message::text).containsExactly("kept");
        assertThat(store.append(c, partnerSays(2, "next", "s2")).orElseThrow().seq()).isEqualTo(2);
    }

    /**
     * Durability as capture relies on it: a child process appends one message at a time and prints each sequence
     * number once append returned; it is killed with SIGKILL mid-stream, and every acknowledged message must be there.
     */
    @Test
    void everyAcknowledgedMessageSurvivesKillNine() throws Exception {
        store.close();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AppendUntilKilled.class.getName(), url, keys.keyId(),
                HexFormat.of().formatHex(keys.dataKey()), HexFormat.of().formatHex(keys.indexKey())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Long> acknowledged = new ArrayList<>();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            String line;
            while (acknowledged.size() < 200 && (line = out.readLine()) != null) {
                acknowledged.add(Long.parseLong(line.strip()));
                assertThat(Instant.now()).isBefore(deadline);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(200);
        store = Stores.open(url, keys);
        Conversation c = chatWith("alice");
        List<Long> stored = store.messages(c.id()).stream().map(Message::seq).toList();
        assertThat(stored).containsAll(acknowledged);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(stored.get(i)).isEqualTo(i + 1L);
        }
    }

    /**
     * A lone UTF-16 surrogate (a JSON log's escape of U+D800) is not Unicode a database can hold: written as it is, it
     * became '?', and the partners "a" + U+D800 and "a" + U+DBFF one account, while their evidence entries told them
     * apart.
     */
    @Test
    void loneSurrogatesKeepTwoPartnersTwoAccounts() {
        Conversation high = chatWith("a\uD800");
        Conversation low = chatWith("a\uDBFF");

        assertThat(high.id()).isNotEqualTo(low.id());
        assertThat(high.key().partnerAccount()).isEqualTo("a\uD800");
        assertThat(low.key().partnerAccount()).isEqualTo("a\uDBFF");
        assertThat(store.account(LIBERA, "A\uDBFF").handle()).isEqualTo("a\uDBFF");
        assertThat(store.counts().accounts()).isEqualTo(3);
    }

    /** What the store is given it reads back exactly: lone surrogates, backslashes, and text that looks escaped. */
    @Test
    void textReadsBackExactlyWhateverItHolds() {
        String text = "\uDC00 lone, \uD83D\uDE00 paired, C:\\new, \\ud800 typed, \\\\u0041, \\";
        Conversation c = store.conversation(ConversationKey.inChannel(LIBERA, SWEETIE, "b\uDFFF\\", "#k\uD800"));
        try (var unit = store.appender()) {
            unit.add(c, Message.received(T0, Author.operator("op\uD800"), "s\uDC01", text, "raw\uD800", "id\uD800"));
            unit.record(c, new Event(T0, EventKind.OTHER, "x\uDBFF", text, "r\\\uDC00", "e\uD800"));
            unit.flag(c, new org.sweetie.core.Flag(1, "identifier", "skype:\uD800\\", text));
            unit.commit();
        }
        Account seen = store.sawAccount(store.account(LIBERA, "b\uDFFF\\"), "B\uDFFF\\", "~b@\uD800");

        Conversation read = store.findConversation(c.id()).orElseThrow();
        assertThat(read.key().channel()).isEqualTo("#k\uD800");
        assertThat(read.key().partnerAccount()).isEqualTo(Account.handleOf("b\uDFFF\\"));
        assertThat(store.messages(c.id())).containsExactly(Message.received(T0, Author.operator("op\uD800"),
                "s\uDC01", text, "raw\uD800", "id\uD800").withSeq(1));
        assertThat(store.events(c.id())).containsExactly(new Event(T0, EventKind.OTHER, "x\uDBFF", text,
                "r\\\uDC00", "e\uD800", 1));
        assertThat(store.flags(c.id())).containsExactly(new org.sweetie.core.Flag(1, "identifier", "skype:\uD800\\",
                text));
        assertThat(seen.displayNames()).containsExactly("B\uDFFF\\");
        assertThat(seen.host()).isEqualTo("~b@\uD800");
        try (var unit = store.appender()) {
            assertThat(unit.add(c, Message.received(T0, Author.PARTNER, "s", "again", null, "id\uD800"))).isEmpty();
            assertThat(unit.add(c, Message.received(T0, Author.PARTNER, "s", "other", null, "id\uDBFF"))).isPresent();
        }
    }

    /**
     * A store written before text was kept losslessly (schema version 3) reads back what it held once migrated:
     * backslashes included, and values that already looked like their doubled form in one unique key.
     */
    /**
     * Encryption at rest (docs/security.md): what partners wrote is not in the database as text, a sealed value moved
     * to another row does not open, and the store refuses other keys and no keys.
     */
    @Test
    void valuesAreSealedForTheirRowAndTheStoreOpensWithItsOwnKeysOnly() throws Exception {
        Conversation c = store.conversation(ConversationKey.privateChat(LIBERA, SWEETIE, "Mallory"));
        store.append(c, partnerSays(1, "first secret line", "s1"));
        store.append(c, partnerSays(2, "second secret line", "s2"));
        assertThat(store.account(LIBERA, "mallory").handle()).isEqualTo("mallory");
        store.close();
        String jdbc = Stores.toJdbcUrl(url);
        try (var connection = java.sql.DriverManager.getConnection(jdbc); var s = connection.createStatement()) {
            try (var rows = s.executeQuery("SELECT text, sender, raw, source_id FROM message ORDER BY seq")) {
                while (rows.next()) {
                    for (int i = 1; i <= 4; i++) {
                        assertThat(rows.getString(i)).startsWith("s1:").doesNotContain("secret")
                                .doesNotContain("alice");
                    }
                }
            }
            try (var rows = s.executeQuery("SELECT handle FROM account")) {
                while (rows.next()) {
                    assertThat(rows.getString(1)).startsWith("s1:").doesNotContain("mallory");
                }
            }
            // the first line's sealed text copied over the second's
            s.executeUpdate("UPDATE message SET text = (SELECT m.text FROM message m WHERE m.seq = 1) WHERE seq = 2");
        }
        assertThatThrownBy(() -> Stores.open(url, StoreKeys.random())).isInstanceOf(StoreException.class)
                .hasMessageContaining("the key file is not the one of the store");
        assertThatThrownBy(() -> Stores.open(url)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is encrypted");
        store = Stores.open(url, keys);
        assertThatThrownBy(() -> store.messages(c.id())).isInstanceOf(StoreException.class)
                .hasMessageContaining("message.text").hasMessageContaining("moved from another row");
    }

    @Test
    void textStoredBeforeItWasKeptLosslesslyReadsBackUnchanged() throws Exception {
        store.close();
        dispose();
        url = freshUrl();
        String jdbc = Stores.toJdbcUrl(url);
        var flyway = org.flywaydb.core.Flyway.configure().dataSource(jdbc, null, null)
                .locations(Dialect.of(jdbc).migrations).target("3");
        if (Database.currentSchema(jdbc) != null) {
            flyway.schemas(Database.currentSchema(jdbc));
        }
        flyway.load().migrate();
        try (var c = java.sql.DriverManager.getConnection(jdbc)) {
            insert(c, "INSERT INTO persona (handle, nicknames, languages, profile) VALUES (?, ?, '', ?)",
                    "sweetie10", "sweetie10", "likes \\ drawing");
            insert(c, "INSERT INTO account (network, protocol, handle) VALUES ('libera', 'IRC', ?)", "sweetie10");
            insert(c, "INSERT INTO account (network, protocol, handle) VALUES ('libera', 'IRC', ?)", "alice");
            insert(c, "INSERT INTO account_name (account_id, name) VALUES (2, ?)", "x\\");
            insert(c, "INSERT INTO account_name (account_id, name) VALUES (2, ?)", "x\\\\");
            insert(c, "INSERT INTO conversation (persona_id, persona_account_id, partner_account_id, channel) "
                    + "VALUES (1, 1, 2, ?)", "#k\\");
            for (String id : List.of("a\\", "a\\\\", "a\\\\\\\\")) {
                insert(c, "INSERT INTO message (conversation_id, seq, sent_at, author_kind, sender, text, source_id) "
                        + "VALUES (1, " + id.length() + ", 0, 'PARTNER', 'alice', ?, ?)", "C:\\new \\ud800 " + id, id);
            }
            insert(c, "INSERT INTO event (conversation_id, occurred_at, kind, actor, detail) "
                    + "VALUES (1, 0, 'JOIN', ?, ?)", "alice", "has joined #k\\");
        }

        store = Stores.open(url); // written before encryption: only a store without keys opens it

        Conversation c = store.findConversation(1).orElseThrow();
        assertThat(c.key().channel()).isEqualTo("#k\\");
        assertThat(store.messages(1)).extracting(Message::text, Message::sourceId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C:\\new \\ud800 a\\", "a\\"),
                org.assertj.core.groups.Tuple.tuple("C:\\new \\ud800 a\\\\", "a\\\\"),
                org.assertj.core.groups.Tuple.tuple("C:\\new \\ud800 a\\\\\\\\", "a\\\\\\\\"));
        assertThat(store.account(LIBERA, "alice").displayNames()).containsExactly("x\\", "x\\\\");
        assertThat(store.persona(SWEETIE).profileText()).isEqualTo("likes \\ drawing");
        assertThat(store.events(1)).singleElement().satisfies(e -> {
            assertThat(e.detail()).isEqualTo("has joined #k\\");
            assertThat(e.isPlaced()).as("stored before events had a place").isFalse();
        });
        try (var unit = store.appender()) {
            assertThat(unit.add(c, partnerSays(9, "again", "a\\\\"))).isEmpty();
        }
    }

    private static void insert(java.sql.Connection c, String sql, String... values) throws java.sql.SQLException {
        try (var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
