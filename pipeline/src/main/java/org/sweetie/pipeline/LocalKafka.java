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
        this(directory, 0);
    }

    /**
     * @param advertisedPort the port the broker tells clients to use on localhost (a proxy in front of it, for tests
     *     that cut clients off), or 0 for its own
     */
    public LocalKafka(Path directory, int advertisedPort) {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(directory)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0");
            if (advertisedPort > 0) {
                builder.setConfigProp("advertised.listeners", "EXTERNAL://localhost:" + advertisedPort);
            }
            cluster = builder.build();
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

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("the local Kafka did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
