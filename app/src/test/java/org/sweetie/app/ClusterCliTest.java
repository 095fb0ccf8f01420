package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.ConversationStore;
import org.sweetie.pipeline.LocalKafka;
import org.sweetie.store.Stores;

/**
 * The cluster commands as a user runs them, each in a JVM of its own: a capture node on the sandbox crowd and a
 * writer, against a Kafka in the test's process; and the mistakes the command line refuses.
 */
class ClusterCliTest {
    @TempDir
    Path folder;

    private static final String PERSONA = """
            personas:
              - handle: sweetie
                nicknames: [Sweetie10]
                age: 10
                country: PH
                languages: [en]
                sandbox:
                  - partners: 5
                    concurrent: 5
                    pace: 100ms
            """;

    @Test
    void aNodeAndAWriterCaptureTheSandboxCrowdThroughKafka() throws Exception {
        try (LocalKafka kafka = new LocalKafka(folder.resolve("kafka"))) {
            Path config = folder.resolve("deployment.yaml");
            Files.writeString(config, PERSONA + """
                    pipeline:
                      kafka:
                        bootstrap: %s
                        topic_prefix: clitest.
                    """.formatted(kafka.bootstrap()));
            String db = folder.resolve("store.db").toString();
            Started writer = start("writer", "--kafka", kafka.bootstrap(), "--topic-prefix", "clitest.", "--db", db,
                    "--key", folder.resolve("evidence.key").toString(), "--for", "40s", "--summary-every", "5");
            Result node = run(start("run", "--config", config.toString(), "--node", "node-a", "--for", "15s",
                    "--summary-every", "5"));
            assertThat(node.exitCode()).as(node.err()).isZero();
            assertThat(node.err()).contains("node node-a: ").contains("records in Kafka");
            Result written = run(writer);
            assertThat(written.exitCode()).as(written.err()).isZero();
            KeyRing.Keys keys = KeyRing.open(folder.resolve("evidence.key"),
                    System.getenv("SWEETIE_PASSPHRASE").toCharArray());
            try (ConversationStore store = Stores.open(db, keys.store())) {
                assertThat(store.conversations()).as(written.err()).hasSizeGreaterThanOrEqualTo(1);
                assertThat(store.counts().messages()).isPositive();
                assertThat(store.messages(store.conversations().getFirst().id()).getFirst().sourceId())
                        .startsWith("node-a/");
            }
        }
    }

    @Test
    void aNodeNeedsAPipelineAndAPipelineNeedsANode() throws Exception {
        Path plain = folder.resolve("plain.yaml");
        Files.writeString(plain, PERSONA);
        Result noPipeline = run(start("run", "--config", plain.toString(), "--node", "node-a", "--for", "1s"));
        assertThat(noPipeline.exitCode()).isEqualTo(2);
        assertThat(noPipeline.err()).contains("--node: " + plain + " has no pipeline");

        Path piped = folder.resolve("piped.yaml");
        Files.writeString(piped, PERSONA + "pipeline:\n  kafka:\n    bootstrap: 127.0.0.1:9\n");
        Result noNode = run(start("run", "--config", piped.toString(), "--for", "1s"));
        assertThat(noNode.exitCode()).isEqualTo(2);
        assertThat(noNode.err()).contains("has a Kafka pipeline: run each capture node with --node NAME");

        Path broken = folder.resolve("broken.yaml");
        Files.writeString(broken, PERSONA + "pipeline:\n  kafka:\n    topic_prefix: x.\n");
        Result noBootstrap = run(start("run", "--config", broken.toString(), "--node", "a", "--for", "1s"));
        assertThat(noBootstrap.exitCode()).isNotZero();
        assertThat(noBootstrap.err()).contains("pipeline.kafka.bootstrap");
    }

    private record Result(int exitCode, String err) {
    }

    /** A command started, and the file its error stream goes to. */
    private record Started(Process process, Path err) {
    }

    private Started start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path err = folder.resolve("err-" + System.nanoTime() + ".txt");
        return new Started(new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start(), err);
    }

    private static Result run(Started started) throws Exception {
        assertThat(started.process().waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
        return new Result(started.process().exitValue(), Files.readString(started.err(), StandardCharsets.UTF_8));
    }
}
