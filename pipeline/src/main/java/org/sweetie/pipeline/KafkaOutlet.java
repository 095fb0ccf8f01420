package org.sweetie.pipeline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.Message;
import org.sweetie.core.Outlet;

/**
 * The outlet of a writer's guarded sender when the connections are on capture nodes: a line the guard allowed is
 * published to the outbound topic, keyed by persona and network, and the node holding that connection says it
 * ({@link OutboundRelay}). The line is stored when it comes back from that node as a captured line, in order with
 * what the partner says there; the future completes once the brokers have it.
 */
public final class KafkaOutlet implements Outlet, AutoCloseable {
    private final Topics topics;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaOutlet(Topics topics, String clientId) {
        this.topics = topics;
        this.producer = new KafkaProducer<>(CaptureNode.producerSettings(topics.bootstrap(), clientId),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public CompletableFuture<Void> send(Conversation conversation, String to, Message line) {
        ConversationKey key = conversation.key();
        OutboundLine out = new OutboundLine(key.network().name(), key.network().protocol().name(), key.persona(),
                key.personaAccount(), key.partnerAccount(), key.channel(), conversation.id(), to, line.text(),
                line.time().toString(), line.author().kind().name(), line.author().operatorId(), line.sender());
        CompletableFuture<Void> published = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topics.outbound(), out.key(), out.encode()), (metadata, failure) -> {
            if (failure == null) {
                published.complete(null);
            } else {
                published.completeExceptionally(failure);
            }
        });
        return published;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
