package org.sweetie.pipeline;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sweetie.capture.live.Nicks;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Conversation;
import org.sweetie.core.Inbound;
import org.sweetie.core.Inbox;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;

/**
 * A capture node's side of the pipeline: what its connections report is published to the inbound topic, keyed by
 * conversation, numbered by the node. A delivery's future completes once the brokers acknowledged the record (all
 * in-sync replicas have it): from then on a writer will store it, whatever happens to this node. The connectors hold
 * at most their window of deliveries unacknowledged (512 per IRC, 64 per XMPP connection) and then stop reading from
 * their sockets, so a node whose Kafka is
 * unreachable stops reading from its networks and resumes when Kafka is back; the producer retries without end
 * meanwhile (idempotent, so a retry is not a second record) and nothing acknowledged is lost.
 */
public final class CaptureNode implements AutoCloseable {
    private final String name;
    private final Topics topics;
    private final KafkaProducer<String, byte[]> producer;
    private final Sequence sequence = new Sequence(System::currentTimeMillis);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong waiting = new AtomicLong();
    private volatile Consumer<String> status = line -> { };
    private volatile boolean closed;

    public CaptureNode(String name, Topics topics) {
        this.name = requireName(name);
        this.topics = topics;
        this.producer = new KafkaProducer<>(producerSettings(topics.bootstrap(), "sweetie-node-" + name),
                new StringSerializer(), new ByteArraySerializer());
    }

    static String requireName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a node's name is 1 to 64 letters, digits, '.', '_' or '-', got '"
                    + name + "'");
        }
        return name;
    }

    /** Settings of a producer that never gives up on a record and never writes one twice. */
    static Properties producerSettings(String bootstrap, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return p;
    }

    public String name() {
        return name;
    }

    /** Where the node tells of Kafka being unreachable and back (one line per change). */
    public void onStatus(Consumer<String> line) {
        this.status = line;
    }

    /** The inbox a connection delivers to: each happening becomes a record keyed by its conversation. */
    public Inbox inboxFor(ChatNetwork connection) {
        Network network = connection.network();
        Persona persona = connection.persona();
        Nicks nicks = new Nicks();
        return inbound -> {
            String account;
            synchronized (nicks) {
                // the key follows nick changes as the writer does, so one person's records stay in one partition
                account = inbound instanceof Inbound.NickChanged changed
                        ? nicks.changed(changed.partner(), changed.newNick()) : nicks.accountOf(inbound.partner());
            }
            Record record = Record.of(name, sequence.next(), network, persona, inbound);
            return publish(Partitioning.conversationKey(network, persona.handle(), account), record);
        };
    }

    /** A line the persona said on one of this node's connections: back to the writers, to be stored in order. */
    public CompletableFuture<Void> said(Persona persona, Conversation conversation, Message line) {
        Record record = Record.said(name, sequence.next(), persona, conversation, line);
        return publish(Partitioning.conversationKey(conversation.key().network(), persona.handle(),
                conversation.key().partnerAccount()), record);
    }

    /** Records acknowledged by the brokers since the start. */
    public long published() {
        return published.get();
    }

    /** Records handed to the producer and not yet acknowledged. */
    public long unacknowledged() {
        return waiting.get();
    }

    private CompletableFuture<Void> publish(String key, Record record) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topics.inbound(), key, record.encode());
        waiting.incrementAndGet();
        boolean told = false;
        while (true) {
            if (closed) {
                waiting.decrementAndGet();
                acknowledged.completeExceptionally(new IllegalStateException("capture node " + name + " is closed"));
                return acknowledged;
            }
            // The client reports a record it could not even take (no metadata, or a full buffer, after
            // max.block.ms) through the callback, on this thread and inside send(), not by throwing: taken as a
            // delivery failure, every line read while a stopped broker stays down longer than that was lost. Such a
            // refusal is caught here and the record offered again below, like the exception older clients threw.
            Thread caller = Thread.currentThread();
            AtomicBoolean inSend = new AtomicBoolean(true);
            AtomicReference<KafkaException> refused = new AtomicReference<>();
            try {
                producer.send(out, (metadata, failure) -> {
                    if (failure instanceof RetriableException retriable && inSend.get()
                            && Thread.currentThread() == caller) {
                        refused.set(retriable);
                        return;
                    }
                    waiting.decrementAndGet();
                    if (failure == null) {
                        published.incrementAndGet();
                        acknowledged.complete(null);
                    } else {
                        acknowledged.completeExceptionally(failure);
                    }
                });
                inSend.set(false);
                if (refused.get() != null) {
                    throw refused.get();
                }
                if (told) {
                    status.accept("node " + name + ": Kafka at " + topics.bootstrap() + " is reachable again");
                }
                return acknowledged;
            } catch (KafkaException e) {
                // no metadata or a full buffer: Kafka is unreachable. The connection's reader waits here, so it
                // reads nothing more from its socket until Kafka takes records again.
                inSend.set(false);
                if (!told) {
                    status.accept("node " + name + ": Kafka at " + topics.bootstrap() + " is unreachable ("
                            + e.getMessage() + "); reading paused");
                    told = true;
                }
                pause(Duration.ofMillis(500));
            }
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause); // backing off between attempts to reach Kafka, not waiting for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to the limit for the records in flight to be acknowledged, then stops. */
    @Override
    public void close() {
        closed = true; // a reader waiting for Kafka gives up; what the producer holds still gets up to 30 s
        producer.close(Duration.ofSeconds(30));
    }
}
