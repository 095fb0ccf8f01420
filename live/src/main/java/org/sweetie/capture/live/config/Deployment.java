package org.sweetie.capture.live.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.sweetie.core.Retention;

/**
 * What {@code sweetie run} runs: the personas and their networks, where captures are stored (null: the command
 * line's --db or the default store), and how long contacts that led nowhere are kept.
 *
 * @param retention the data minimisation rule, or null when the deployment keeps everything ({@code retention: off})
 * @param retentionEvery how often a run applies it
 * @param pipeline the Kafka pipeline between capture nodes and writers, or null: everything in one process
 */
public record Deployment(String store, List<PersonaDeployment> personas, Retention retention,
                         Duration retentionEvery, KafkaPipeline pipeline) {
    public Deployment {
        personas = List.copyOf(personas);
        Objects.requireNonNull(retentionEvery, "retentionEvery");
    }

    /** A deployment that runs in one process (no pipeline). */
    public Deployment(String store, List<PersonaDeployment> personas, Retention retention, Duration retentionEvery) {
        this(store, personas, retention, retentionEvery, null);
    }

    /**
     * Capture nodes and writers over Kafka ({@code pipeline: kafka: {bootstrap, topic_prefix}}): {@code sweetie run
     * --node NAME} publishes what its networks report there, {@code sweetie writer} stores it.
     */
    public record KafkaPipeline(String bootstrap, String topicPrefix) {
        public KafkaPipeline {
            Objects.requireNonNull(bootstrap, "bootstrap");
            Objects.requireNonNull(topicPrefix, "topicPrefix");
        }
    }
}
