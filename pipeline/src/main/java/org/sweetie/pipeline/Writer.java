package org.sweetie.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sweetie.capture.live.Capture;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Persona;

/**
 * A writer: reads the inbound topic and stores it through the capture pipeline (one ordered queue, batched commits,
 * analysis and evidence log as the store it is given does them), and commits its Kafka offsets only after the store
 * committed everything it read. A writer that dies between the two reads those records again; their idempotency
 * keys (node and sequence) are the source ids of what they store, which the store keeps once per conversation, so
 * the second time stores nothing. Writers of one deployment share a consumer group: each partition, and so each
 * conversation, has one writer at a time.
 */
public final class Writer implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    /** Polls handed to the capture and not yet committed, at most (the capture's queue stays short). */
    private static final int IN_FLIGHT = 4;

    private final Topics topics;
    private final Capture capture;
    private final ConversationStore store;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final AtomicLong applied = new AtomicLong();
    /** The personas as stored, by handle: asked of the store once each (only the writer's thread uses it). */
    private final Map<String, Persona> personas = new HashMap<>();
    private final AtomicLong committedBatches = new AtomicLong();
    private volatile Consumer<String> status = line -> { };
    private volatile boolean closing;

    /**
     * @param capture the capture pipeline over the store (the writer's process owns both)
     * @param store the same store, for the conversations of the persona's lines
     */
    public Writer(Topics topics, Capture capture, ConversationStore store) {
        this.topics = topics;
        this.capture = capture;
        this.store = store;
        this.consumer = new KafkaConsumer<>(consumerSettings(topics.bootstrap(), topics.writers(), "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = Thread.ofPlatform().name("sweetie-kafka-writer").unstarted(this::readUntilClosed);
    }

    static Properties consumerSettings(String bootstrap, String group, String reset) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        return p;
    }

    /** Where the writer tells of a batch it could not store (it reads it again). */
    public Writer onStatus(Consumer<String> line) {
        this.status = line;
        return this;
    }

    public Writer start() {
        consumer.subscribe(List.of(topics.inbound()));
        thread.start();
        return this;
    }

    /** Records stored or found stored already, since the start. */
    public long applied() {
        return applied.get();
    }

    /** Batches whose offsets were committed after the store's commit. */
    public long committedBatches() {
        return committedBatches.get();
    }

    /** A poll's records handed to the capture: their offsets are committed once all of them are stored. */
    private record InFlight(CompletableFuture<Void> stored, Map<TopicPartition, OffsetAndMetadata> offsets,
                            int count) {
    }

    /**
     * Reads while the capture stores what was read before (up to {@value #IN_FLIGHT} polls ahead), and commits each
     * poll's offsets, in order, once the store committed all of its records.
     */
    private void readUntilClosed() {
        java.util.ArrayDeque<InFlight> inFlight = new java.util.ArrayDeque<>();
        try {
            while (!closing) {
                ConsumerRecords<String, byte[]> records = consumer.poll(inFlight.isEmpty() ? POLL
                        : Duration.ofMillis(5));
                try {
                    if (!records.isEmpty()) {
                        inFlight.add(new InFlight(store(records), offsetsAfter(records), records.count()));
                    }
                    commitStored(inFlight, inFlight.size() > IN_FLIGHT);
                } catch (WakeupException e) {
                    throw e; // close(): not a batch that failed
                } catch (RuntimeException e) {
                    // nothing after the last committed offsets counts as read: read it again from there
                    status.accept("writer: a batch could not be stored (" + e.getMessage() + "); reading it again");
                    awaitAll(inFlight);
                    inFlight.clear();
                    rewindWhenReachable();
                }
            }
            awaitAll(inFlight);
            commitStored(inFlight, false);
        } catch (WakeupException e) {
            // close() wakes a waiting poll; what is not committed is read again by the next writer
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    /** Commits the offsets of the polls stored so far, oldest first; with {@code block}, waits for the oldest. */
    private void commitStored(java.util.ArrayDeque<InFlight> inFlight, boolean block) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        while (!inFlight.isEmpty() && (inFlight.peek().stored().isDone() || block)) {
            InFlight oldest = inFlight.peek();
            try {
                oldest.stored().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            inFlight.poll();
            offsets.putAll(oldest.offsets());
            applied.addAndGet(oldest.count());
            block = false;
        }
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
            committedBatches.incrementAndGet();
        }
    }

    private static void awaitAll(java.util.ArrayDeque<InFlight> inFlight) {
        inFlight.forEach(f -> f.stored().exceptionally(failure -> null).join());
    }

    /** Hands a poll's records to the capture in the order read; completes when the store committed all of them. */
    private CompletableFuture<Void> store(ConsumerRecords<String, byte[]> records) {
        List<CompletableFuture<Void>> stored = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> in : records) {
            Record record;
            try {
                record = Record.decode(in.value());
            } catch (IllegalArgumentException e) {
                // not Sweetie's (another producer on the topic): nothing to store, and it must not stop the rest
                status.accept("writer: " + in.topic() + "-" + in.partition() + "@" + in.offset() + " skipped: "
                        + e.getMessage());
                continue;
            }
            Persona persona = personas.computeIfAbsent(record.persona().handle(),
                    h -> store.persona(record.persona().persona()));
            if (record.isPersonaLine()) {
                Conversation conversation = store.conversation(record.conversationKey());
                stored.add(capture.said(conversation, record.personaLine()));
            } else {
                stored.add(capture.deliver(record.networkOf(), persona, record.inbound(), record.key()));
            }
        }
        return CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new));
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsetsAfter(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> in = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(in.getLast().offset() + 1));
        }
        return offsets;
    }

    /**
     * Rewinds to the last committed offsets, trying again while Kafka is out of reach (each try waits up to the
     * client's API timeout): a writer thread that ended here would leave every node's lines unstored.
     */
    private void rewindWhenReachable() {
        while (!closing) {
            try {
                rewind();
                return;
            } catch (WakeupException e) {
                throw e;
            } catch (org.apache.kafka.common.KafkaException e) {
                status.accept("writer: Kafka did not answer while rewinding (" + e.getMessage() + "); trying again");
                try {
                    Thread.sleep(1_000); // a refusal can come at once; do not spin on it
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void rewind() {
        java.util.Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata at = committed.get(partition);
            if (at != null) {
                consumer.seek(partition, at.offset());
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
    }

    /** Stops after the batch in hand is stored and its offsets committed. */
    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(Duration.ofMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
