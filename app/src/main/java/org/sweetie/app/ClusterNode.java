package org.sweetie.app;

import java.io.PrintWriter;
import java.util.List;
import org.sweetie.core.ChatNetwork;
import org.sweetie.pipeline.CaptureNode;
import org.sweetie.pipeline.OutboundRelay;
import org.sweetie.pipeline.PipelineTopics;
import org.sweetie.pipeline.Topics;

/**
 * A capture node: its connections publish what they receive to the inbound topic; its relay says the guarded lines
 * of the connections it holds. It keeps no store: conversations, analysis and the evidence log are the writers'.
 */
final class ClusterNode implements AutoCloseable {
    private final List<ChatNetwork> connections;
    private final CaptureNode node;
    private final OutboundRelay relay;

    ClusterNode(String name, Topics topics, List<ChatNetwork> connections, PrintWriter progress) {
        PipelineTopics.ensure(topics);
        this.connections = List.copyOf(connections);
        this.node = new CaptureNode(name, topics);
        java.util.function.Consumer<String> status = line -> {
            synchronized (progress) {
                progress.println("sweetie: " + org.sweetie.core.Printable.of(line));
                progress.flush();
            }
        };
        node.onStatus(status);
        this.relay = new OutboundRelay(topics, name, connections, node).onStatus(status);
        connections.forEach(c -> c.onStatus(status));
        connections.forEach(c -> c.start(node.inboxFor(c)));
    }

    CaptureNode node() {
        return node;
    }

    /** One line for the progress output. */
    String progress() {
        return "node " + node.name() + ": " + node.published() + " records in Kafka, " + node.unacknowledged()
                + " waiting for Kafka, " + relay.said() + " lines said";
    }

    /** Leaves the networks, then waits (bounded) for what they delivered to reach Kafka. */
    @Override
    public void close() {
        relay.close();
        connections.forEach(ChatNetwork::close);
        node.close();
    }
}
