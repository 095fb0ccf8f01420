package org.sweetie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.capture.live.Capture;
import org.sweetie.capture.live.Deadline;
import org.sweetie.capture.live.irc.IrcNetwork;
import org.sweetie.capture.live.irc.LocalNgircd;
import org.sweetie.capture.live.irc.PlainIrcClient;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Message;
import org.sweetie.core.Persona;
import org.sweetie.store.Stores;

/**
 * The broker itself stops: a one-node Kafka in a JVM of its own is killed with SIGKILL, stays down for 30 seconds
 * while a partner goes on talking to the persona on a real ngircd, and is started again on the same port and data
 * directory. The capture node stops reading while Kafka is gone, the store gains nothing meanwhile, and afterwards
 * every line the partner sent is stored once, in order. (PipelineTest's cut-off covers a network that drops the
 * connections of a broker that keeps running; this is the broker that goes away.)
 */
class BrokerStopTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** Lines the partner sends during the outage: two a second, a partner typing fast, spread over all of it. */
    private static final int OUTAGE_LINES = 60;
    private static final Persona SWEETIE = new Persona("sweetie", List.of("Sweetie10"), 10, "PH", List.of("en"), "");

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private ConversationStore store;
    private BrokerProcess broker;

    @AfterEach
    void closeAll() throws Exception {
        try {
            for (AutoCloseable c : open.reversed()) {
                c.close();
            }
        } finally {
            // whatever failed before, no broker JVM outlives the test
            if (broker != null) {
                broker.close();
            }
        }
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        open.add(closeable);
        return closeable;
    }

    @Test
    void aBrokerKilledForThirtySecondsPausesCaptureAndAfterItsRestartNothingIsLost() throws Exception {
        broker = new BrokerProcess(dir.resolve("kafka"));
        broker.start();
        Topics topics = new Topics(broker.bootstrap(), "stop.");
        PipelineTopics.ensure(topics);
        LocalNgircd server = opened(new LocalNgircd(dir));
        store = opened(Stores.open(dir.resolve("store.db").toString()));
        Capture capture = opened(new Capture(store));
        Writer writer = opened(new Writer(topics, capture, store).start());
        CaptureNode node = opened(new CaptureNode("node-a", topics));
        connect(server, node);
        List<String> status = new java.util.concurrent.CopyOnWriteArrayList<>();
        node.onStatus(status::add);
        writer.onStatus(status::add);
        try (PlainIrcClient dave = partner(server, "dave")) {
            List<String> all = IntStream.rangeClosed(1, 20 + OUTAGE_LINES)
                    .mapToObj(i -> "line " + i + " from dave").toList();
            for (String line : all.subList(0, 20)) {
                dave.privmsg("Sweetie10", line);
            }
            awaitMessages(20);

            broker.kill();
            long down = System.nanoTime();
            long acknowledged = node.published(); // the lines and what else the node published (the partner's join)
            long end = down + OUTAGE.toNanos();
            int sent = 20;
            long most = 0;
            // the outage lasts its 30 s whatever happens: this loop paces the partner and checks the node and the
            // store all along, it does not wait for anything to happen
            while (System.nanoTime() < end) {
                long due = 20 + (System.nanoTime() - down) * OUTAGE_LINES / OUTAGE.toNanos();
                while (sent < due) {
                    dave.privmsg("Sweetie10", all.get(sent++));
                }
                long waiting = node.unacknowledged();
                most = Math.max(most, waiting);
                assertThat(waiting).as("deliveries held while Kafka is down, at most the connection's window")
                        .isLessThanOrEqualTo(IrcNetwork.IN_FLIGHT);
                assertThat(store.counts().messages()).as("nothing stored while the broker is down").isEqualTo(20);
                Thread.sleep(50); // pacing the partner's lines and the checks over the outage
            }
            while (sent < all.size()) {
                dave.privmsg("Sweetie10", all.get(sent++));
            }
            assertThat(broker.alive()).isFalse();
            assertThat(most).as("the node holds what it read, unacknowledged").isPositive();
            assertThat(node.unacknowledged()).as("still held at the end of the outage").isPositive();
            assertThat(node.published()).as("nothing acknowledged while the broker is down").isEqualTo(acknowledged);

            broker.start();
            try {
                awaitMessages(all.size());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ": stored " + messages().size() + ", node published "
                        + node.published() + " with " + node.unacknowledged() + " unacknowledged, writer applied "
                        + writer.applied() + "; status " + status, e);
            }
            assertThat(messages()).extracting(Message::text).containsExactlyElementsOf(all);
            Deadline.await("every delivery acknowledged", LIMIT, () -> node.unacknowledged() == 0);
            Deadline.await("the writer applied every record", LIMIT, () -> writer.applied() >= node.published());
            assertThat(store.counts().messages()).as("each line once").isEqualTo(all.size());
            assertThat(status).as("the node told of the outage and of its end").anyMatch(l -> l.contains("unreachable"))
                    .anyMatch(l -> l.contains("reachable again"));
        }
    }

    private void connect(LocalNgircd server, CaptureNode node) {
        IrcNetwork network = opened(new IrcNetwork(SWEETIE, new IrcNetwork.Settings("testnet", "127.0.0.1",
                server.port(), false, null, null, null, List.of(), SWEETIE.handle(), "Sweetie",
                "HexChat 2.16.1 / Linux")));
        network.start(node.inboxFor(network));
        Deadline.await("sweetie connected", LIMIT, network::connected);
    }

    private static PlainIrcClient partner(LocalNgircd server, String nick) throws IOException {
        return new PlainIrcClient(server.port(), nick, nick, "A Partner");
    }

    private Optional<Conversation> conversation() {
        return store.conversations().stream()
                .filter(c -> c.key().persona().equals("sweetie") && c.key().partnerAccount().equals("dave"))
                .filter(c -> Objects.isNull(c.key().channel()))
                .findFirst();
    }

    private List<Message> messages() {
        return conversation().map(c -> store.messages(c.id())).orElse(List.of());
    }

    private List<Message> awaitMessages(int n) {
        Deadline.await(n + " messages from dave to sweetie", LIMIT, () -> messages().size() >= n);
        return messages();
    }
}
