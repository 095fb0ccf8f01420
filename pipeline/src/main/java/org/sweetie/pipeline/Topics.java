package org.sweetie.pipeline;

import java.util.Objects;

/**
 * Where a deployment's pipeline lives: the brokers and the two topics. The inbound topic carries what the networks
 * report (keyed by conversation, so each conversation keeps its order); the outbound topic carries the lines the
 * guard allowed (keyed by persona and network, so the node holding that connection says them in order).
 */
public record Topics(String bootstrap, String prefix) {
    /** Partitions of each topic when the pipeline creates them: the most writers that can share the work. */
    public static final int PARTITIONS = 8;

    public Topics {
        Objects.requireNonNull(bootstrap, "bootstrap");
        prefix = prefix == null ? "" : prefix;
    }

    public String inbound() {
        return prefix + "inbound";
    }

    public String outbound() {
        return prefix + "outbound";
    }

    /** The consumer group of the writers: together they read each inbound record once. */
    public String writers() {
        return prefix + "writers";
    }

    /** The consumer group of one node's relay: every node reads every outbound line and says those it holds. */
    public String relayOf(String node) {
        return prefix + "relay." + node;
    }
}
