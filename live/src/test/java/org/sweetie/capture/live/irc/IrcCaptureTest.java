package org.sweetie.capture.live.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.capture.live.Capture;
import org.sweetie.capture.live.Deadline;
import org.sweetie.core.Account;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Persona;
import org.sweetie.store.Stores;

/** A persona on a real ngircd, partners as plain socket clients. */
class IrcCaptureTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Persona PERSONA = new Persona("sweetie", List.of("Sweetie10", "Sweetie_ph"), 10, "PH",
            List.of("en"), "");

    @TempDir
    Path dir;
    private LocalNgircd server;
    private ConversationStore store;
    private Capture capture;
    private IrcNetwork persona;

    @BeforeEach
    void start() throws IOException {
        server = new LocalNgircd(dir);
        store = Stores.open(dir.resolve("store.db").toString());
        capture = new Capture(store);
        persona = new IrcNetwork(PERSONA, new IrcNetwork.Settings("testnet", "127.0.0.1", server.port(), false, null,
                null, null, List.of("#room"), "sweetie", "Sweetie", "HexChat 2.16.1 / Linux"));
        persona.start(capture.inboxFor(persona));
    }

    @AfterEach
    void stop() throws InterruptedException {
        persona.close();
        capture.close();
        store.close();
        server.close();
    }

    @Test
    void everyLineAPartnerSaysArrivesInOrderWithUserAtHost() throws IOException {
        try (PlainIrcClient dave = partner("dave")) {
            awaitPersonaWith(dave, "#room"); // a line to a nick not yet on the server is dropped by it
            List<String> lines = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i + " from dave").toList();
            for (String line : lines) {
                dave.privmsg("Sweetie10", line);
            }
            dave.privmsg("#room", "hello everyone"); // not to or about the persona: not captured
            dave.privmsg("#room", "sweetie10: are you here?");

            List<Message> captured = awaitMessages("dave", null, 20);
            assertThat(captured).extracting(Message::text).containsExactlyElementsOf(lines);
            assertThat(captured).extracting(Message::sender).containsOnly("dave");
            assertThat(awaitMessages("dave", "#room", 1)).extracting(Message::text)
                    .containsExactly("sweetie10: are you here?");
            Account account = store.account(persona.network(), "dave");
            assertThat(account.host()).isEqualTo("~dave@127.0.0.1");
        }
    }

    @Test
    void aMeActionInPrivateAndInTheChannelIsStoredAsAMessage() throws IOException {
        try (PlainIrcClient dave = partner("dave")) {
            awaitPersonaWith(dave, "#room");
            dave.privmsg("Sweetie10", "\u0001ACTION waves at you\u0001");
            dave.privmsg("#room", "\u0001ACTION dances\u0001"); // names nobody: not captured
            dave.privmsg("#room", "\u0001ACTION hugs Sweetie10\u0001");

            assertThat(awaitMessages("dave", null, 1)).extracting(Message::text).containsExactly("/me waves at you");
            assertThat(awaitMessages("dave", "#room", 1)).extracting(Message::text)
                    .containsExactly("/me hugs Sweetie10");
            // the same path as any private line: the new partner's WHOIS is asked and kept
            assertThat(awaitEvent("dave", EventKind.WHOIS).detail()).contains("~dave@127.0.0.1");
        }
    }

    @Test
    void aClosedPortIsOneStatusLinePerRetryAndNeverAConnection() throws IOException {
        int closedPort;
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            closedPort = probe.socket().getLocalPort();
        }
        IrcNetwork nowhere = new IrcNetwork(PERSONA, new IrcNetwork.Settings("closednet", "127.0.0.1", closedPort,
                false, null, null, null, List.of(), "sweetie", "Sweetie", "HexChat 2.16.1 / Linux"));
        List<String> status = new java.util.concurrent.CopyOnWriteArrayList<>();
        nowhere.onStatus(status::add);
        try (Capture elsewhere = new Capture(store)) {
            nowhere.start(elsewhere.inboxFor(nowhere));
            Deadline.await("two retries", LIMIT, () -> status.size() >= 2);
        } finally {
            nowhere.close();
        }
        assertThat(status).allMatch(line -> line.matches("irc network 'closednet' \\(127\\.0\\.0\\.1:" + closedPort
                + "\\): connection refused; retrying in \\d+ s"), "one line per retry");
        assertThat(nowhere.everConnected()).isFalse();
        Deadline.await("the persona on the running server connected", LIMIT, persona::everConnected);
    }

    @Test
    void whoisAndClientVersionAreCapturedAndTheCoverIsAllTheClientReveals() throws IOException {
        try (PlainIrcClient dave = partner("dave")) {
            awaitPersonaWith(dave, "#room"); // a line to a nick not yet on the server is dropped by it
            dave.privmsg("Sweetie10", "hi");
            // Sweetie asks the new partner's client version; the partner's client answers as clients do.
            dave.awaitLine("\u0001VERSION\u0001", LIMIT);
            dave.send("NOTICE Sweetie10 :\u0001VERSION PlainClient 0.1\u0001");
            awaitEvent("dave", EventKind.CLIENT_VERSION);
            Event whois = awaitEvent("dave", EventKind.WHOIS);
            assertThat(whois.detail()).contains("~dave@127.0.0.1").contains("real name: Dave Partner")
                    .contains("server: irc.sandbox.test");

            dave.privmsg("Sweetie10", "\u0001TIME\u0001");
            dave.privmsg("Sweetie10", "\u0001CLIENTINFO\u0001");
            dave.privmsg("Sweetie10", "\u0001VERSION\u0001");
            String version = dave.awaitLine("NOTICE dave :\u0001VERSION", LIMIT);
            assertThat(version).endsWith("VERSION HexChat 2.16.1 / Linux\u0001");
            assertThat(dave.received()).noneMatch(l -> l.contains("\u0001TIME ") || l.contains("\u0001CLIENTINFO ")
                    || l.contains("Kitteh"));
        }
    }

    @Test
    void aNickChangeKeepsThePartnerOnOneAccount() throws IOException {
        try (PlainIrcClient dave = partner("dave")) {
            // the server tells a nick change only to those who share a channel with the one who changes
            awaitPersonaWith(dave, "#room");
            dave.privmsg("Sweetie10", "before");
            awaitMessages("dave", null, 1);
            dave.send("NICK dave_away");
            dave.awaitLine("NICK", LIMIT);
            dave.privmsg("Sweetie10", "after");


            List<Message> captured = awaitMessages("dave", null, 2);
            assertThat(captured).extracting(Message::sender).containsExactly("dave", "dave_away");
            assertThat(awaitEvent("dave", EventKind.NICK_CHANGE).detail()).isEqualTo("is now known as dave_away");
            assertThat(store.account(persona.network(), "dave").displayNames()).contains("dave", "dave_away");
        }
    }

    @Test
    void dccOffersAndLinksAreRecordedAndNothingIsFetched() throws IOException {
        try (ServerSocketChannel trap = ServerSocketChannel.open();
             PlainIrcClient dave = partner("dave")) {
            trap.bind(new InetSocketAddress("127.0.0.1", 0));
            trap.configureBlocking(false);
            int port = trap.socket().getLocalPort();
            awaitPersonaWith(dave, "#room"); // a line to a nick not yet on the server is dropped by it
            // 2130706433 is 127.0.0.1: a client that accepted the offer would connect to the trap
            dave.privmsg("Sweetie10", "\u0001DCC SEND holiday.jpg 2130706433 " + port + " 2048\u0001");
            dave.privmsg("Sweetie10", "look at this http://127.0.0.1:" + port + "/holiday.jpg");
            dave.privmsg("Sweetie10", "did you see it?");

            List<Message> captured = awaitMessages("dave", null, 2);
            assertThat(captured.getFirst().text()).isEqualTo("look at this http://127.0.0.1:" + port
                    + "/holiday.jpg");
            Event refused = awaitEvent("dave", EventKind.REFUSED_OFFER);
            assertThat(refused.detail()).contains("DCC SEND holiday.jpg");
            assertThat(trap.accept()).as("a connection to the offered address").isNull();
            assertThat(dave.received()).noneMatch(l -> l.contains("DCC ACCEPT") || l.contains("DCC RESUME"));
        }
    }

    @Test
    void captureResumesAfterTheServerIsKilledWithNothingLostOrDoubled() throws Exception {
        try (PlainIrcClient dave = partner("dave")) {
            // a line to a nick not (yet) on the server is dropped by it: wait until the persona is there
            awaitPersonaWith(dave, "#room");
            for (int i = 1; i <= 5; i++) {
                dave.privmsg("Sweetie10", "before crash " + i);
            }
            awaitMessages("dave", null, 5);
        }
        server.kill();
        server.start();
        try (PlainIrcClient dave = partner("dave")) {
            awaitPersonaWith(dave, "#room");
            for (int i = 1; i <= 5; i++) {
                dave.privmsg("Sweetie10", "after restart " + i);
            }
            List<Message> captured = awaitMessages("dave", null, 10);
            assertThat(captured).extracting(Message::text).containsExactly("before crash 1", "before crash 2",
                    "before crash 3", "before crash 4", "before crash 5", "after restart 1", "after restart 2",
                    "after restart 3", "after restart 4", "after restart 5");
            assertThat(captured).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    /** Joins the partner to the channel and waits until the persona is there too (in the names, or joining). */
    private static void awaitPersonaWith(PlainIrcClient partner, String channel) throws IOException {
        partner.send("JOIN " + channel);
        Deadline.await("the persona in " + channel, LIMIT, () -> partner.received().stream().anyMatch(
                l -> l.contains(" 353 ") && l.contains(" " + channel + " :") && l.contains("Sweetie10")
                        || l.startsWith(":Sweetie10!") && l.contains(" JOIN ")));
    }

    private PlainIrcClient partner(String nick) throws IOException {
        return new PlainIrcClient(server.port(), nick, nick, "Dave Partner");
    }

    private Optional<Conversation> conversation(String partner, String channel) {
        return store.conversations().stream()
                .filter(c -> c.key().partnerAccount().equals(partner))
                .filter(c -> java.util.Objects.equals(c.key().channel(), channel))
                .findFirst();
    }

    /** Waits until the conversation holds at least n messages, and returns them. */
    private List<Message> awaitMessages(String partner, String channel, int n) {
        Deadline.await(n + " messages from " + partner, LIMIT, () -> conversation(partner, channel)
                .map(c -> store.messages(c.id()).size() >= n).orElse(false));
        return store.messages(conversation(partner, channel).orElseThrow().id());
    }

    private Event awaitEvent(String partner, EventKind kind) {
        Deadline.await("a " + kind + " event for " + partner, LIMIT, () -> conversation(partner, null)
                .map(c -> store.events(c.id()).stream().anyMatch(e -> e.kind() == kind)).orElse(false));
        return store.events(conversation(partner, null).orElseThrow().id()).stream()
                .filter(e -> e.kind() == kind).findFirst().orElseThrow();
    }
}
