package org.sweetie.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sweetie.capture.live.LiveOutlet;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;

/**
 * A capture node's way back: reads the outbound topic and says, through the live outlet, the lines of the
 * connections this node holds; the others belong to other nodes. Every line here was decided by the entrapment
 * guard before it was published ({@link KafkaOutlet} is the only producer and only the guarded sender uses it). A
 * said line goes back to the writers through the node's pipeline and is stored as a captured line.
 */
public final class OutboundRelay implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, LiveOutlet> outlets = new HashMap<>();
    private final Thread thread;
    private final AtomicLong said = new AtomicLong();
    private volatile Consumer<String> status = line -> { };
    private volatile boolean closing;

    public OutboundRelay(Topics topics, String node, List<ChatNetwork> connections, CaptureNode pipeline) {
        // new lines only for a node that never ran: lines decided before it existed were for other nodes
        this.consumer = new KafkaConsumer<>(Writer.consumerSettings(topics.bootstrap(), topics.relayOf(node),
                "latest"), new StringDeserializer(), new ByteArrayDeserializer());
        Map<Persona, List<ChatNetwork>> byPersona = connections.stream()
                .collect(Collectors.groupingBy(ChatNetwork::persona));
        byPersona.forEach((persona, held) -> {
            Map<Network, ChatNetwork> networks = held.stream()
                    .collect(Collectors.toMap(ChatNetwork::network, c -> c, (a, b) -> a));
            LiveOutlet outlet = new LiveOutlet(networks, (conversation, line) -> pipeline.said(persona,
                    conversation, line));
            for (ChatNetwork c : held) {
                outlets.put(Partitioning.connectionKey(c.network(), persona.handle()), outlet);
            }
        });
        consumer.subscribe(List.of(topics.outbound()));
        this.thread = Thread.ofPlatform().name("sweetie-outbound-relay").start(this::relayUntilClosed);
    }

    public OutboundRelay onStatus(Consumer<String> line) {
        this.status = line;
        return this;
    }

    /** Lines said on this node's connections since the start. */
    public long said() {
        return said.get();
    }

    private void relayUntilClosed() {
        try {
            while (!closing) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    LiveOutlet outlet = outlets.get(record.key());
                    if (outlet == null) {
                        continue; // another node holds that connection
                    }
                    OutboundLine line;
                    try {
                        line = OutboundLine.decode(record.value());
                    } catch (IllegalArgumentException e) {
                        status.accept("relay: " + record.topic() + "@" + record.offset() + " skipped: "
                                + e.getMessage());
                        continue;
                    }
                    try {
                        outlet.send(line.conversationOf(), line.to(), line.line()).join();
                        said.incrementAndGet();
                    } catch (RuntimeException e) {
                        status.accept("relay: a line for " + line.conversationOf().label() + " was not said: "
                                + e.getMessage());
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // close() wakes a waiting poll
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
