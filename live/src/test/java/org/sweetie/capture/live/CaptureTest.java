package org.sweetie.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.EventKind;
import org.sweetie.core.ForwardingConversationStore;
import org.sweetie.core.Inbound;
import org.sweetie.core.Inbox;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Protocol;
import org.sweetie.store.Stores;

/** The capture pipeline on a real store, fed by in-process connections. */
class CaptureTest {
    @TempDir
    Path dir;

    /** A connection that only names its network and persona: the test delivers for it. */
    record Connection(Network network, Persona persona) implements ChatNetwork {
        @Override
        public void start(Inbox inbox) {
        }

        @Override
        public void send(String partner, String channel, String text) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void linesAreDurableWhenTheirFutureCompletesAndTwoPersonasOnOneNetworkKeepTheirOwnConversations()
            throws Exception {
        Network net = Network.irc("testnet");
        Persona sweetie = new Persona("sweetie", List.of("Sweetie10"), 10, "PH", List.of("en"), "");
        Persona maria = new Persona("maria", List.of("Maria11"), 11, "PH", List.of("en"), "");
        try (ConversationStore store = Stores.open(dir.resolve("store.db").toString());
             Capture capture = new Capture(store)) {
            Inbox toSweetie = capture.inboxFor(new Connection(net, sweetie));
            Inbox toMaria = capture.inboxFor(new Connection(net, maria));
            Instant t = Instant.parse("2026-01-01T10:00:00Z");
            toSweetie.deliver(new Inbound.Said(t, "dave", null, "hi sweetie", "~dave@198.51.100.7", null, null));
            toMaria.deliver(new Inbound.Said(t, "dave", null, "hi maria", "~dave@198.51.100.7", null, null));
            toSweetie.deliver(new Inbound.NickChanged(t, "dave", "dave_away", "~dave@198.51.100.7", null));
            toSweetie.deliver(new Inbound.Said(t, "dave_away", null, "still me", null, null, null)).get();

            assertThat(store.conversations()).hasSize(2)
                    .extracting(c -> c.key().persona() + "/" + c.key().partnerAccount())
                    .containsExactlyInAnyOrder("sweetie/dave", "maria/dave");
            long withSweetie = store.conversations().stream().filter(c -> c.key().persona().equals("sweetie"))
                    .findFirst().orElseThrow().id();
            assertThat(store.messages(withSweetie)).extracting(Message::text)
                    .containsExactly("hi sweetie", "still me");
            assertThat(store.events(withSweetie)).extracting(e -> e.kind()).containsExactly(EventKind.NICK_CHANGE);
        }
    }

    @Test
    void aLineDeliveredTwiceInOneBatchIsStoredOnceAndTheRestOfTheBatchIsKept() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        try (ConversationStore store = Stores.open(dir.resolve("store.db").toString());
             Capture capture = new Capture(new ForwardingConversationStore(store) {
                 @Override
                 public Appender appender() {
                     writing.countDown();
                     try {
                         held.await(); // the writer waits here with the first batch while the next one queues
                     } catch (InterruptedException e) {
                         Thread.currentThread().interrupt();
                     }
                     return super.appender();
                 }
             })) {
            Inbox inbox = capture.inboxFor(new Connection(new Network("jabber", Protocol.XMPP),
                    Persona.ofNicknames(List.of("Sweetie10"))));
            Instant t = Instant.parse("2026-01-01T10:00:00Z");
            var opening = inbox.deliver(new Inbound.Said(t, "dave@x.test", null, "hello", null, null, "r0 a"));
            assertThat(writing.await(10, TimeUnit.SECONDS)).as("the writer holding the first batch").isTrue();
            var first = inbox.deliver(new Inbound.Said(t, "dave@x.test", null, "hi", null, null, "r1 a"));
            var again = inbox.deliver(new Inbound.Said(t, "dave@x.test", null, "hi", null, null, "r1 a"));
            var next = inbox.deliver(new Inbound.Said(t, "dave@x.test", null, "you there?", null, null, "r1 b"));
            held.countDown();
            CompletableFuture.allOf(opening, first, again, next).get();

            long id = store.conversations().getFirst().id();
            assertThat(store.messages(id)).extracting(Message::text).containsExactly("hello", "hi", "you there?");
        }
    }

    @Test
    void aPartnerWhoseConversationWasDeletedBetweenBatchesGetsANewOneAndNothingIsLost() throws Exception {
        Network net = Network.irc("testnet");
        try (ConversationStore store = Stores.open(dir.resolve("store.db").toString());
             Capture capture = new Capture(store)) {
            Inbox inbox = capture.inboxFor(new Connection(net, Persona.ofNicknames(List.of("Sweetie10"))));
            Instant t = Instant.parse("2026-01-01T10:00:00Z");
            inbox.deliver(new Inbound.Said(t, "dave", null, "hi", null, null, null)).get(20, TimeUnit.SECONDS);
            long first = store.conversations().getFirst().id();

            capture.deleting(() -> {
                store.delete(List.of(first));
                return List.of(first);
            }).get(20, TimeUnit.SECONDS);
            inbox.deliver(new Inbound.Said(t.plusSeconds(60), "dave", null, "back again", null, null, null))
                    .get(20, TimeUnit.SECONDS);

            assertThat(store.conversations()).hasSize(1);
            Conversation second = store.conversations().getFirst();
            assertThat(store.messages(second.id())).extracting(Message::text).containsExactly("back again");
        }
    }

    @Test
    void aDeliveryAfterCloseFailsInsteadOfWaitingForever() throws Exception {
        try (ConversationStore store = Stores.open(dir.resolve("store.db").toString())) {
            Capture capture = new Capture(store);
            Inbox inbox = capture.inboxFor(new Connection(Network.irc("testnet"),
                    Persona.ofNicknames(List.of("Sweetie10"))));
            capture.close();
            assertThat(inbox.deliver(new Inbound.Said(Instant.now(), "dave", null, "late", null, null, null)))
                    .isCompletedExceptionally();
        }
    }
}
