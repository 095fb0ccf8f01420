package org.sweetie.capture.live.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.sweetie.capture.live.Capture;
import org.sweetie.capture.live.Deadline;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Persona;
import org.sweetie.store.Stores;

/** A persona on a real Prosody; the partner is a separate Smack client (a chat app as a partner would use). */
class XmppCaptureTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Persona PERSONA = new Persona("sweetie", List.of("Sweetie10"), 10, "PH", List.of("en"), "");
    private static final String ROOM = "lobby@" + Prosody.ROOMS;

    @TempDir
    Path dir;
    private Prosody server;
    private ConversationStore store;
    private Capture capture;
    private XmppNetwork persona;
    private AbstractXMPPConnection dave;

    @BeforeEach
    void start() throws Exception {
        server = new Prosody(dir);
        server.register("sweetie", "persona-pass");
        server.register("dave", "partner-pass");
        store = Stores.open(dir.resolve("store.db").toString());
        capture = new Capture(store);
        persona = new XmppNetwork(PERSONA, new XmppNetwork.Settings("jabber", "sweetie@" + Prosody.DOMAIN,
                "persona-pass", "127.0.0.1", server.port(), false, List.of(ROOM), "Conversations 2.16"));
        dave = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppAddressAndPassword("dave@" + Prosody.DOMAIN, "partner-pass").setResource("phone")
                .setHost("127.0.0.1").setPort(server.port())
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled).build());
        VersionManager.getInstanceFor(dave).setVersion("Gajim", "1.8.4");
        dave.connect().login();
    }

    @AfterEach
    void stop() throws InterruptedException {
        dave.disconnect();
        persona.close();
        capture.close();
        store.close();
        server.close();
    }

    @Test
    void everyMessageArrivesInOrderWithTheFullJidEvenThoseSentWhileThePersonaWasOffline() throws Exception {
        // sent before the persona connects: the server keeps them (offline storage) and hands them over at login
        for (int i = 1; i <= 3; i++) {
            dave.sendStanza(chat("while offline " + i));
        }
        persona.start(capture.inboxFor(persona));
        Deadline.await("the persona online", LIMIT, persona::isConnected);
        List<String> lines = IntStream.rangeClosed(1, 10).mapToObj(i -> "line " + i + " from dave").toList();
        for (String line : lines) {
            dave.sendStanza(chat(line));
        }
        List<String> captured = awaitTexts("dave@" + Prosody.DOMAIN, 13);
        assertThat(captured.subList(0, 3)).containsExactly("while offline 1", "while offline 2", "while offline 3");
        assertThat(captured.subList(3, 13)).containsExactlyElementsOf(lines);
        assertThat(store.account(persona.network(), "dave@" + Prosody.DOMAIN).host())
                .isEqualTo("dave@" + Prosody.DOMAIN + "/phone");
        Event version = awaitEvent(EventKind.CLIENT_VERSION);
        assertThat(version.detail()).startsWith("client: Gajim").contains("1.8.4").endsWith("(dave@sandbox.test/phone)");
        // and asked in turn, the persona's client is its cover, with no word of Smack
        var cover = VersionManager.getInstanceFor(dave).getVersion(
                JidCreate.from("sweetie@" + Prosody.DOMAIN + "/Sweetie10"));
        assertThat(cover.getName()).isEqualTo("Conversations");
        assertThat(cover.getVersion()).isEqualTo("2.16");
    }

    @Test
    void aLineTheServerKeptHasTheTimeReceivedAndWhenThePartnerSentIt() throws Exception {
        dave.sendStanza(chat("sent while you were away"));
        assertThat(PingManager.getInstanceFor(dave).pingMyServer()).as("the server has the line").isTrue();
        Instant beforeLogin = Instant.now();
        persona.start(capture.inboxFor(persona));
        // the kept line arrives once the persona is available; a line sent after that comes as it was sent
        awaitMessages("dave@" + Prosody.DOMAIN, 1);
        dave.sendStanza(chat("and now"));

        List<org.sweetie.core.Message> stored = awaitMessages("dave@" + Prosody.DOMAIN, 2);
        org.sweetie.core.Message kept = stored.get(0);
        assertThat(kept.delayStamp()).as("sent, by the delay stamp").isNotNull()
                .isBeforeOrEqualTo(beforeLogin).isAfter(beforeLogin.minusSeconds(30));
        assertThat(kept.time()).as("received").isAfterOrEqualTo(beforeLogin);
        assertThat(kept.raw()).contains("urn:xmpp:delay");
        assertThat(stored.get(1).delayStamp()).as("a line that came as it was sent").isNull();
    }

    @Test
    void aReusedStanzaIdIsANewLineAndOnlyAProvablySameDeliveryIsStoredOnce() throws Exception {
        // while the persona is away the server keeps them: their delay stamps may well be the same second
        dave.sendStanza(chat("r1", "hi"));
        dave.sendStanza(chat("r1", "are you there")); // the client restarted its id counter
        dave.sendStanza(chat("r1", "hi")); // the first line delivered again
        assertThat(PingManager.getInstanceFor(dave).pingMyServer()).isTrue();
        persona.start(capture.inboxFor(persona));
        Deadline.await("the persona online", LIMIT, persona::isConnected);
        dave.sendStanza(chat("r1", "hi")); // and again, now live, without a delay stamp
        dave.sendStanza(chat("r1", "how old r u"));
        assertThat(PingManager.getInstanceFor(dave).pingMyServer()).isTrue();
        AbstractXMPPConnection laptop = connect("dave", "partner-pass", "laptop");
        try {
            laptop.sendStanza(chat("r1", "hi")); // the same id and words from another client of his
            laptop.sendStanza(chat("r2", "end"));
            assertThat(awaitTexts("dave@" + Prosody.DOMAIN, 5))
                    .containsExactly("hi", "are you there", "how old r u", "hi", "end");
        } finally {
            laptop.disconnect();
        }
        List<org.sweetie.core.Message> stored = awaitMessages("dave@" + Prosody.DOMAIN, 5);
        assertThat(stored.get(0).sourceId()).startsWith("r1 dave@sandbox.test/phone sha256:");
        assertThat(stored.get(3).sourceId()).startsWith("r1 dave@sandbox.test/laptop sha256:");
    }

    @Test
    void outOfBandFilesAreRefusedAndNeverFetched() throws Exception {
        persona.start(capture.inboxFor(persona));
        Deadline.await("the persona online", LIMIT, persona::isConnected);
        try (ServerSocketChannel trap = ServerSocketChannel.open()) {
            trap.bind(new InetSocketAddress("127.0.0.1", 0));
            trap.configureBlocking(false);
            String url = "http://127.0.0.1:" + trap.socket().getLocalPort() + "/holiday.jpg";
            Message offer = chat(url);
            offer.addExtension(StandardExtensionElement.builder("x", "jabber:x:oob").addElement("url", url).build());
            dave.sendStanza(offer);
            dave.sendStanza(chat("did you get it?"));

            assertThat(awaitTexts("dave@" + Prosody.DOMAIN, 2)).containsExactly(url, "did you get it?");
            assertThat(awaitEvent(EventKind.REFUSED_OFFER).detail()).contains("out-of-band data").contains(url);
            assertThat(trap.accept()).as("a connection to the offered URL").isNull();
        }
    }

    @Test
    void roomLinesThatNameThePersonaAreCapturedAndOthersAreNot() throws Exception {
        // the partner opens the room first, as rooms exist before a persona comes to them
        MultiUserChat room = MultiUserChatManager.getInstanceFor(dave).getMultiUserChat(JidCreate.entityBareFrom(ROOM));
        MultiUserChat.MucCreateConfigFormHandle created = room.createOrJoin(Resourcepart.from("dave_nl"));
        if (created != null) {
            created.makeInstant();
        }
        persona.start(capture.inboxFor(persona));
        Deadline.await("the persona in the room", LIMIT, () -> room.getOccupants().stream()
                .anyMatch(o -> o.getResourceOrEmpty().toString().equals("Sweetie10")));
        room.sendMessage("hello everyone");
        room.sendMessage("Sweetie10 where are you from?");
        room.sendMessage("bye all");
        room.sendMessage("sweetie10 bye");

        String partner = ROOM + "/dave_nl";
        assertThat(awaitTexts(partner, 2)).containsExactly("Sweetie10 where are you from?", "sweetie10 bye");
    }

    @Test
    void captureResumesAfterTheServerIsKilledWithNothingLostOrDoubled() throws Exception {
        persona.start(capture.inboxFor(persona));
        Deadline.await("the persona online", LIMIT, persona::isConnected);
        for (int i = 1; i <= 3; i++) {
            dave.sendStanza(chat("before crash " + i));
        }
        awaitTexts("dave@" + Prosody.DOMAIN, 3);
        server.kill();
        server.start();
        dave.disconnect(); // the old session died with the server
        dave = connect("dave", "partner-pass", "laptop");
        // sent whether or not the persona is back yet: the server keeps what it cannot deliver
        for (int i = 1; i <= 3; i++) {
            dave.sendStanza(chat("after restart " + i));
        }
        assertThat(awaitTexts("dave@" + Prosody.DOMAIN, 6)).containsExactly("before crash 1", "before crash 2",
                "before crash 3", "after restart 1", "after restart 2", "after restart 3");
        Deadline.await("the persona back online", LIMIT, persona::isConnected);
        assertThat(awaitTexts("dave@" + Prosody.DOMAIN, 6)).hasSize(6);
    }

    @Test
    void eachConnectionChangeIsOneStatusLineAndAClosedPortNeverConnects() throws Exception {
        List<String> status = new java.util.concurrent.CopyOnWriteArrayList<>();
        persona.onStatus(status::add);
        persona.start(capture.inboxFor(persona));
        Deadline.await("the persona online", LIMIT, persona::everConnected);
        assertThat(status).contains("xmpp network 'jabber' (127.0.0.1:" + server.port() + "): connected as sweetie@"
                + Prosody.DOMAIN + "/Sweetie10");

        int closedPort;
        try (java.nio.channels.ServerSocketChannel probe = java.nio.channels.ServerSocketChannel.open()) {
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            closedPort = probe.socket().getLocalPort();
        }
        XmppNetwork nowhere = new XmppNetwork(PERSONA, new XmppNetwork.Settings("closed", "sweetie@"
                + Prosody.DOMAIN, "persona-pass", "127.0.0.1", closedPort, false, List.of(), "Conversations 2.16"));
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        nowhere.onStatus(refused::add);
        try {
            nowhere.start(capture.inboxFor(nowhere));
            Deadline.await("two retries", LIMIT, () -> refused.size() >= 2);
        } finally {
            nowhere.close();
        }
        assertThat(refused).allMatch(line -> line.matches("xmpp network 'closed' \\(127\\.0\\.0\\.1:" + closedPort
                + "\\): connection refused; retrying in \\d+ s"), "one line per retry, no stack trace");
        assertThat(nowhere.everConnected()).isFalse();
    }

    @Test
    void aWrongPasswordIsSaidInWordsAndNeverConnects() throws Exception {
        XmppNetwork wrong = new XmppNetwork(PERSONA, new XmppNetwork.Settings("jabber", "sweetie@" + Prosody.DOMAIN,
                "not-the-password", "127.0.0.1", server.port(), false, List.of(), "Conversations 2.16"));
        List<String> status = new java.util.concurrent.CopyOnWriteArrayList<>();
        wrong.onStatus(status::add);
        try {
            wrong.start(capture.inboxFor(wrong));
            Deadline.await("two attempts", LIMIT, () -> status.size() >= 2);
        } finally {
            wrong.close();
        }
        assertThat(status).allMatch(line -> line.startsWith("xmpp network 'jabber' (127.0.0.1:" + server.port()
                + "): login refused (check the account and password); retrying in "));
        assertThat(wrong.everConnected()).isFalse();
    }

    private AbstractXMPPConnection connect(String user, String password, String resource) throws Exception {
        AbstractXMPPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppAddressAndPassword(user + "@" + Prosody.DOMAIN, password).setResource(resource)
                .setHost("127.0.0.1").setPort(server.port())
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled).build());
        connection.connect().login();
        return connection;
    }

    private Message chat(String body) throws Exception {
        return dave.getStanzaFactory().buildMessageStanza()
                .to(JidCreate.entityBareFrom("sweetie@" + Prosody.DOMAIN)).ofType(Message.Type.chat)
                .setBody(body).build();
    }

    /** A line with the stanza id the client chose. */
    private static Message chat(String id, String body) throws Exception {
        return StanzaBuilder.buildMessage(id)
                .to(JidCreate.entityBareFrom("sweetie@" + Prosody.DOMAIN)).ofType(Message.Type.chat)
                .setBody(body).build();
    }

    private Optional<Conversation> conversation(String partner) {
        return store.conversations().stream()
                .filter(c -> Objects.equals(c.key().partnerAccount(), org.sweetie.core.Account.handleOf(partner)))
                .findFirst();
    }

    private List<String> awaitTexts(String partner, int n) {
        return awaitMessages(partner, n).stream().map(org.sweetie.core.Message::text).toList();
    }

    private List<org.sweetie.core.Message> awaitMessages(String partner, int n) {
        try {
            Deadline.await(n + " messages from " + partner, LIMIT, () -> conversation(partner)
                    .map(c -> store.messages(c.id()).size() >= n).orElse(false));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; stored: " + conversation(partner)
                    .map(c -> store.messages(c.id()).stream().map(org.sweetie.core.Message::text).toList())
                    .orElse(List.of()));
        }
        return store.messages(conversation(partner).orElseThrow().id());
    }

    private Event awaitEvent(EventKind kind) {
        String partner = "dave@" + Prosody.DOMAIN;
        Deadline.await("a " + kind + " event", LIMIT, () -> conversation(partner)
                .map(c -> store.events(c.id()).stream().anyMatch(e -> e.kind() == kind)).orElse(false));
        return store.events(conversation(partner).orElseThrow().id()).stream()
                .filter(e -> e.kind() == kind).findFirst().orElseThrow();
    }
}
