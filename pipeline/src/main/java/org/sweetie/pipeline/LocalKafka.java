package org.sweetie.pipeline;

import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A one-node Kafka (KRaft, broker and controller in one) inside this process, from Kafka's own test kit: for the
 * cluster demo, the cluster bench and the tests. One replica of everything, so not for a real deployment.
 */
public final class LocalKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    public LocalKafka(Path directory) {
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(directory)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a local Kafka in " + directory + ": " + e.getMessage(), e);
        }
    }

    public String bootstrap() {
        return cluster.bootstrapServers();
    }

    /** Stops the broker (the controller stays): clients find Kafka unreachable until {@link #startBroker}. */
    public void stopBroker() {
        cluster.brokers().values().forEach(b -> {
            b.shutdown();
            b.awaitShutdown();
        });
    }

    /** Starts the stopped broker again, on the same port and with the same data. */
    public void startBroker() {
        cluster.brokers().values().forEach(b -> b.startup());
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("the local Kafka broker did not come back: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("the local Kafka did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
