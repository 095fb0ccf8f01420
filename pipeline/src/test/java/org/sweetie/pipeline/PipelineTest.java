package org.sweetie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.analysis.Analyzer;
import org.sweetie.capture.live.Capture;
import org.sweetie.capture.live.Deadline;
import org.sweetie.capture.live.irc.IrcNetwork;
import org.sweetie.capture.live.irc.LocalNgircd;
import org.sweetie.capture.live.irc.PlainIrcClient;
import org.sweetie.core.Author;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Inbound;
import org.sweetie.core.Inbox;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.persona.Decision;
import org.sweetie.persona.Draft;
import org.sweetie.persona.EntrapmentGuard;
import org.sweetie.persona.GuardedSender;
import org.sweetie.persona.HoldQueue;
import org.sweetie.store.Stores;

/**
 * Capture nodes and writers on a real Kafka (KRaft, in-process), a real ngircd and SQLite: what a node hands to
 * Kafka is stored once and in order, across a writer killed with SIGKILL and a broker cut off from its clients by a
 * proxy and reachable again; an operator's line reaches the partner through the node holding the connection. The
 * broker itself stopped and restarted is {@link BrokerStopTest}'s (its broker runs in a JVM of its own).
 */
class PipelineTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Persona SWEETIE = new Persona("sweetie", List.of("Sweetie10"), 10, "PH", List.of("en"), "");
    private static final Persona LENA = new Persona("lena", List.of("Lena11"), 11, "PH", List.of("en"), "");

    @TempDir
    static Path shared;
    private static LocalKafka kafka;
    private static CutOff link;
    private static int topicsMade;

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Topics topics;
    private ConversationStore store;

    @BeforeAll
    static void startKafka() throws IOException {
        link = new CutOff();
        kafka = new LocalKafka(shared.resolve("kafka"), link.port());
        link.forwardTo(kafka.bootstrap());
    }

    @AfterAll
    static void stopKafka() throws IOException {
        kafka.close();
        link.close();
    }

    /** Each test on its own topics, so one test's records are never another's. */
    private void freshTopics() {
        topics = new Topics("localhost:" + link.port(), "test" + (++topicsMade) + ".");
        PipelineTopics.ensure(topics);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        open.add(closeable);
        return closeable;
    }

    @Test
    void twoNodesPublishAndTheWriterStoresEveryLineOnceInOrder() throws IOException {
        freshTopics();
        LocalNgircd server = opened(new LocalNgircd(dir));
        store = opened(Stores.open(dir.resolve("store.db").toString()));
        Capture capture = opened(new Capture(store));
        Writer writer = opened(new Writer(topics, capture, store).start());
        CaptureNode a = opened(new CaptureNode("node-a", topics));
        CaptureNode b = opened(new CaptureNode("node-b", topics));
        connect(server, SWEETIE, a);
        connect(server, LENA, b);
        try (PlainIrcClient dave = partner(server, "dave"); PlainIrcClient erin = partner(server, "erin")) {
            List<String> toSweetie = lines("dave", 40);
            List<String> toLena = lines("erin", 40);
            for (int i = 0; i < 40; i++) {
                dave.privmsg("Sweetie10", toSweetie.get(i));
                erin.privmsg("Lena11", toLena.get(i));
            }
            assertThat(awaitMessages("sweetie", "dave", 40)).extracting(Message::text)
                    .containsExactlyElementsOf(toSweetie);
            assertThat(awaitMessages("lena", "erin", 40)).extracting(Message::text)
                    .containsExactlyElementsOf(toLena);
            // everything both nodes handed to Kafka was applied: no line is waiting to be stored a second time
            Deadline.await("the writer applied every record", LIMIT,
                    () -> writer.applied() >= a.published() + b.published());
            assertThat(store.counts().messages()).isEqualTo(80);
            assertThat(message("sweetie", "dave", 1).sourceId()).startsWith("node-a/");
            assertThat(message("lena", "erin", 1).sourceId()).startsWith("node-b/");
        }
    }

    @Test
    void aWriterKilledMidBatchAndRestartedLosesAndDoublesNothing() throws Exception {
        writerKilledMidBatch(dir.resolve("store.db").toString());
    }

    /** The same on PostgreSQL (127.0.0.1:5432, database test, trust auth), in a schema of its own. */
    @Test
    void aWriterKilledMidBatchOnPostgresqlLosesAndDoublesNothing() throws Exception {
        String server = System.getProperty("sweetie.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "sweetie_pipeline_" + java.util.UUID.randomUUID().toString().replace("-", "");
        try {
            writerKilledMidBatch(server + "?user=postgres&currentSchema=" + schema);
        } finally {
            closeAll();
            open.clear();
            try (var c = java.sql.DriverManager.getConnection(server + "?user=postgres");
                 var s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private void writerKilledMidBatch(String db) throws Exception {
        freshTopics();
        store = opened(Stores.open(db)); // migrated here first; the writer process opens it as it is
        CaptureNode node = opened(new CaptureNode("node-a", topics));
        Network net = Network.irc("testnet");
        Inbox inbox = node.inboxFor(new Connection(net, SWEETIE));
        int partners = 40;
        int each = 150;
        List<CompletableFuture<Void>> acknowledged = new ArrayList<>();
        for (int line = 0; line < each; line++) {
            for (int p = 0; p < partners; p++) {
                acknowledged.add(inbox.deliver(new Inbound.Said(Instant.now(), "partner" + p, null,
                        "line " + line + " from partner" + p, "p@192.0.2.1", null, null)));
            }
        }
        CompletableFuture.allOf(acknowledged.toArray(CompletableFuture[]::new)).get();

        Process first = writerProcess(db);
        long total = (long) partners * each;
        Deadline.await("the first writer stored some lines", LIMIT, () -> store.counts().messages() > 0);
        first.destroyForcibly().waitFor(); // SIGKILL: no close, no offsets committed for the batch in hand
        long atKill = store.counts().messages();
        assertThat(atKill).as("killed mid-stream, not after the last line").isLessThan(total);

        Process second = writerProcess(db);
        try {
            Deadline.await("every line stored after the restart", LIMIT,
                    () -> store.counts().messages() >= total);
        } finally {
            second.destroyForcibly().waitFor();
        }
        assertThat(store.counts().messages()).isEqualTo(total);
        for (int p = 0; p < partners; p++) {
            int n = p;
            assertThat(messages("sweetie", "partner" + p)).extracting(Message::text).containsExactlyElementsOf(
                    IntStream.range(0, each).mapToObj(line -> "line " + line + " from partner" + n).toList());
        }
    }

    /**
     * IRC has no acknowledgement: what the killed node had received and not yet handed to Kafka is gone (at most its
     * connection's window, IrcNetwork.IN_FLIGHT), and so is what partners said while no node held the persona's nick.
     * Everything in Kafka is stored once, in order, and the lines stored are the partner's lines in the order sent,
     * none twice.
     */
    @Test
    void aCaptureNodeKilledMidStreamAndRestartedStoresWhatItHandedToKafkaOnceInOrder() throws Exception {
        freshTopics();
        LocalNgircd server = opened(new LocalNgircd(dir));
        store = opened(Stores.open(dir.resolve("store.db").toString()));
        Capture capture = opened(new Capture(store));
        Writer writer = opened(new Writer(topics, capture, store).start());
        Process first = nodeProcess(server);
        List<String> sent = new ArrayList<>();
        try (PlainIrcClient dave = partner(server, "dave")) {
            Deadline.await("the node's persona on ngircd", LIMIT, () -> whois(dave, "Sweetie10"));
            for (int i = 1; i <= 30; i++) {
                sent.add(say(dave, "line " + i + " before the kill"));
            }
            Deadline.await("the first lines stored", LIMIT, () -> messages("sweetie", "dave").size() >= 10);
            first.destroyForcibly().waitFor(); // SIGKILL mid-stream: lines in its window are not in Kafka
            Deadline.await("the killed node's nick gone from ngircd", LIMIT, () -> !whois(dave, "Sweetie10"));
            Process second = nodeProcess(server);
            try {
                Deadline.await("the restarted node's persona on ngircd", LIMIT, () -> whois(dave, "Sweetie10"));
                for (int i = 1; i <= 30; i++) {
                    sent.add(say(dave, "line " + i + " after the restart"));
                }
                Deadline.await("the lines after the restart stored", LIMIT, () -> messages("sweetie", "dave")
                        .stream().anyMatch(m -> m.text().equals("line 30 after the restart")));
            } finally {
                second.destroyForcibly().waitFor();
            }
        }
        long inKafka = saidRecordsInKafka();
        Deadline.await("the writer applied every record", LIMIT, () -> writer.applied() >= inKafka);
        List<String> stored = messages("sweetie", "dave").stream().map(Message::text).toList();
        assertThat(stored).as("every line in Kafka stored once").hasSize((int) inKafka).doesNotHaveDuplicates();
        assertThat(sent).as("stored in the order sent").containsSubsequence(stored);
        assertThat(stored).containsAll(sent.subList(30, 60));
        long lost = sent.size() - stored.size();
        assertThat(lost).as("lost: held by the killed node, at most its window")
                .isBetween(0L, (long) IrcNetwork.IN_FLIGHT);
    }

    /** Whether the nick is on the server now (WHOIS answers 311, else 401). */
    private static boolean whois(PlainIrcClient client, String nick) {
        try {
            int before = client.received().size();
            client.send("WHOIS " + nick);
            Deadline.await("the end of WHOIS " + nick, Duration.ofSeconds(10), () -> client.received()
                    .subList(before, client.received().size()).stream().anyMatch(l -> l.contains(" 318 ")));
            return client.received().subList(before, client.received().size()).stream()
                    .anyMatch(l -> l.contains(" 311 "));
        } catch (IOException | AssertionError e) {
            return false;
        }
    }

    private static String say(PlainIrcClient client, String text) throws IOException {
        client.privmsg("Sweetie10", text);
        return text;
    }

    /** The partner's lines in the inbound topic, read from the start. */
    private long saidRecordsInKafka() {
        java.util.Properties p = Writer.consumerSettings(topics.bootstrap(), "count-" + System.nanoTime(),
                "earliest");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(p,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.inbound()));
            long count = 0;
            int empty = 0;
            while (empty < 10) {
                var records = consumer.poll(Duration.ofMillis(500));
                empty = records.isEmpty() ? empty + 1 : 0;
                for (var r : records) {
                    Record record = Record.decode(r.value());
                    if (record.kind().equals("said")) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    private Process nodeProcess(LocalNgircd server) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), NodeProcess.class.getName(), topics.bootstrap(),
                topics.prefix(), "node-a", String.valueOf(server.port()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("node-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    @Test
    void whileKafkaIsUnreachableTheNodeStopsReadingAndAfterwardsNothingIsLost() throws Exception {
        freshTopics();
        LocalNgircd server = opened(new LocalNgircd(dir));
        store = opened(Stores.open(dir.resolve("store.db").toString()));
        Capture capture = opened(new Capture(store));
        opened(new Writer(topics, capture, store).start());
        CaptureNode node = opened(new CaptureNode("node-a", topics));
        connect(server, SWEETIE, node);
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        node.onStatus(said::add);
        try (PlainIrcClient dave = partner(server, "dave")) {
            List<String> all = lines("dave", 110);
            for (String line : all.subList(0, 10)) {
                dave.privmsg("Sweetie10", line);
            }
            awaitMessages("sweetie", "dave", 10);
            link.cut();
            boolean started = false;
            try {
                for (String line : all.subList(10, 110)) {
                    dave.privmsg("Sweetie10", line);
                }
                // the connection holds at most its window of unacknowledged deliveries (fewer when the producer has no metadata
                // and waits in send): its reader waits, so it stops reading from ngircd
                Deadline.await("a record waiting for Kafka", LIMIT, () -> node.unacknowledged() > 0);
                long waitingThen = node.unacknowledged();
                assertThat(waitingThen).isBetween(1L, (long) IrcNetwork.IN_FLIGHT);
                assertThat(store.counts().messages()).isEqualTo(10);
                link.restore();
                started = true;
            } finally {
                if (!started) {
                    link.restore();
                }
            }
            assertThat(awaitMessages("sweetie", "dave", 110)).extracting(Message::text).containsExactlyElementsOf(all);
            assertThat(node.unacknowledged()).isZero();
        }
    }

    @Test
    void anOperatorsLineReachesThePartnerThroughTheNodeHoldingTheConnectionAndIsStored() throws Exception {
        freshTopics();
        LocalNgircd server = opened(new LocalNgircd(dir));
        store = opened(Stores.open(dir.resolve("store.db").toString()));
        Capture capture = opened(new Capture(store));
        opened(new Writer(topics, capture, store).start());
        CaptureNode a = opened(new CaptureNode("node-a", topics));
        CaptureNode b = opened(new CaptureNode("node-b", topics));
        IrcNetwork sweetie = connect(server, SWEETIE, a);
        IrcNetwork lena = connect(server, LENA, b);
        opened(new OutboundRelay(topics, "node-a", List.of(sweetie), a));
        OutboundRelay relayB = opened(new OutboundRelay(topics, "node-b", List.of(lena), b));
        KafkaOutlet outlet = opened(new KafkaOutlet(topics, "test-writer"));
        GuardedSender sender = new GuardedSender(EntrapmentGuard.standard(Analyzer.standard(), Set.of()),
                (conversation, decision) -> { }, outlet, java.time.Clock.systemUTC(), new HoldQueue());
        try (PlainIrcClient dave = partner(server, "dave")) {
            dave.privmsg("Sweetie10", "hi, how was school today?");
            Conversation conversation = awaitConversation("sweetie", "dave");
            Decision decision = sender.send(conversation, "dave",
                    Draft.reply("it was ok, we had maths", Author.operator("op-7"), "hi, how was school today?"));
            assertThat(decision.allowed()).isTrue();
            dave.awaitLine("it was ok, we had maths", LIMIT);
            List<Message> stored = awaitMessages("sweetie", "dave", 2);
            assertThat(stored.get(1).text()).isEqualTo("it was ok, we had maths");
            assertThat(stored.get(1).author()).isEqualTo(Author.operator("op-7"));
            assertThat(stored.get(1).author().kind()).isEqualTo(AuthorKind.PERSONA_OPERATOR);
            assertThat(relayB.said()).as("the other node does not hold that connection").isZero();
        }
    }

    private Process writerProcess(String db) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), WriterProcess.class.getName(), topics.bootstrap(),
                topics.prefix(), db)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("writer-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private IrcNetwork connect(LocalNgircd server, Persona persona, CaptureNode node) {
        IrcNetwork network = opened(new IrcNetwork(persona, new IrcNetwork.Settings("testnet", "127.0.0.1",
                server.port(), false, null, null, null, List.of(), persona.handle(), "Sweetie",
                "HexChat 2.16.1 / Linux")));
        network.start(node.inboxFor(network));
        Deadline.await(persona.handle() + " connected", LIMIT, network::connected);
        return network;
    }

    private static PlainIrcClient partner(LocalNgircd server, String nick) throws IOException {
        return new PlainIrcClient(server.port(), nick, nick, "A Partner");
    }

    private static List<String> lines(String from, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "line " + i + " from " + from).toList();
    }

    private Optional<Conversation> conversation(String persona, String partner) {
        return store.conversations().stream()
                .filter(c -> c.key().persona().equals(persona) && c.key().partnerAccount().equals(partner))
                .filter(c -> Objects.isNull(c.key().channel()))
                .findFirst();
    }

    private Conversation awaitConversation(String persona, String partner) {
        Deadline.await("a conversation of " + persona + " with " + partner, LIMIT,
                () -> conversation(persona, partner).isPresent());
        return conversation(persona, partner).orElseThrow();
    }

    private List<Message> messages(String persona, String partner) {
        return conversation(persona, partner).map(c -> store.messages(c.id())).orElse(List.of());
    }

    private Message message(String persona, String partner, long seq) {
        return messages(persona, partner).get((int) seq - 1);
    }

    private List<Message> awaitMessages(String persona, String partner, int n) {
        Deadline.await(n + " messages from " + partner + " to " + persona, LIMIT,
                () -> messages(persona, partner).size() >= n);
        return messages(persona, partner);
    }

    /** A connection that only names its network and persona (the writer test publishes without a network). */
    private record Connection(Network network, Persona persona) implements ChatNetwork {
        @Override
        public void start(Inbox inbox) {
        }

        @Override
        public void send(String partner, String channel, String text) {
            throw new UnsupportedOperationException("says nothing");
        }

        @Override
        public void close() {
        }
    }
}
