package org.sweetie.capture.live.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentLoaderTest {
    private static final String GOOD = """
            personas:
              - handle: sweetie
                nicknames: [Sweetie10, Sweetie_ph]
                real_name: Sweetie
                age: 10
                country: PH
                languages: [en, tl]
                hours: "15:00-21:00"
                timezone: Asia/Manila
                irc:
                  - network: testnet
                    host: 127.0.0.1
                    port: 6667
                    tls: false
                    sasl: {user: sweetie, password: "${IRC_PASSWORD}"}
                    channels: ["#chat", "#kids"]
                xmpp:
                  - network: jabber
                    jid: sweetie@example.org
                    password: "${XMPP_PASSWORD}"
                    rooms: [lobby@conference.example.org]
                sandbox:
                  - partners: 10
                    pace: 500ms
            """;
    private static final Map<String, String> ENV = Map.of("IRC_PASSWORD", "s3cret", "XMPP_PASSWORD", "other");

    @TempDir
    Path dir;

    @Test
    void readsPersonasAndTheirNetworksWithSecretsFromTheEnvironment() throws IOException {
        Deployment deployment = load(GOOD, ENV);
        PersonaDeployment sweetie = deployment.personas().getFirst();
        assertThat(sweetie.persona().statedAge()).isEqualTo(10);
        assertThat(sweetie.irc().getFirst().saslPassword()).isEqualTo("s3cret");
        assertThat(sweetie.irc().getFirst().channels()).containsExactly("#chat", "#kids");
        assertThat(sweetie.xmpp().getFirst().password()).isEqualTo("other");
        assertThat(sweetie.sandbox().getFirst().pace().toMillis()).isEqualTo(500);
        assertThat(sweetie.hours().isOpen(Instant.parse("2026-01-01T08:00:00Z"))).isTrue(); // 16:00 in Manila
        assertThat(sweetie.hours().isOpen(Instant.parse("2026-01-01T01:00:00Z"))).isFalse(); // 09:00 in Manila
    }

    @Test
    void aPipelineBlockMakesTheDeploymentOneOfCaptureNodesOverKafka() throws IOException {
        assertThat(load(GOOD, ENV).pipeline()).as("one process unless the file says otherwise").isNull();
        Deployment piped = load(GOOD + """
                pipeline:
                  kafka:
                    bootstrap: ${KAFKA}
                    topic_prefix: case42.
                """, Map.of("IRC_PASSWORD", "s3cret", "XMPP_PASSWORD", "other", "KAFKA", "198.51.100.4:9092"));
        assertThat(piped.pipeline()).isEqualTo(new Deployment.KafkaPipeline("198.51.100.4:9092", "case42."));
        assertThat(load(GOOD + "pipeline:\n  kafka:\n    bootstrap: 198.51.100.4:9092\n", ENV).pipeline()
                .topicPrefix()).isEqualTo("sweetie.");
        assertThatThrownBy(() -> load(GOOD + "pipeline:\n  nats: {}\n", ENV))
                .hasMessageContaining("pipeline");
        assertThatThrownBy(() -> load(GOOD + "pipeline:\n  kafka:\n    bootstrap: h:1\n    topic_prefix: a b\n",
                ENV)).hasMessageContaining("pipeline.kafka.topic_prefix");
    }

    @Test
    void errorsNameTheFileAndTheKey() throws IOException {
        assertThatThrownBy(() -> load(GOOD.replace("port: 6667", "port: 70000"), ENV))
                .hasMessageEndingWith("personas[0].irc[0].port: must be between 1 and 65535, got 70000");
        assertThatThrownBy(() -> load(GOOD.replace("channels:", "chanels:"), ENV))
                .hasMessageContaining("personas[0].irc[0].chanels: unknown key");
        assertThatThrownBy(() -> load(GOOD, Map.of("IRC_PASSWORD", "x")))
                .hasMessageContaining("personas[0].xmpp[0].password: environment variable XMPP_PASSWORD is not set");
        assertThatThrownBy(() -> load(GOOD.replace("country: PH", "country: Philippines"), ENV))
                .hasMessageContaining("personas[0].country: 'Philippines' is not an ISO 3166-1 alpha-2 code");
        assertThatThrownBy(() -> load(GOOD.replace("pace: 500ms", "pace: soon"), ENV))
                .hasMessageContaining("personas[0].sandbox[0].pace: expected a duration");
        assertThatThrownBy(() -> load(GOOD.replace("\"#kids\"", "kids"), ENV))
                .hasMessageContaining("'kids' is not an IRC channel name");
        assertThatThrownBy(() -> load(GOOD.replace("age: 10", "age: 30"), ENV))
                .hasMessageContaining("personas[0].age: must be between 1 and 17");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> load("personas:\n  - handle: [unclosed\n", ENV))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line ").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> new DeploymentLoader(ENV).load(dir.resolve("missing.yaml")))
                .hasMessageEndingWith("missing.yaml: no such file");
    }

    @Test
    void aSecretFromTheEnvironmentInTheWrongPlaceIsNamedNeverShown() {
        Map<String, String> env = Map.of("IRC_PASSWORD", "hunter2-SECRET", "XMPP_PASSWORD", "other");
        for (String[] misplaced : new String[][] {
            {"country: PH", "country: \"${IRC_PASSWORD}\""},
            {"hours: \"15:00-21:00\"", "hours: \"${IRC_PASSWORD}\""},
            {"pace: 500ms", "pace: \"x${IRC_PASSWORD}\""},
            {"jid: sweetie@example.org", "jid: \"${IRC_PASSWORD}\""},
            {"channels: [\"#chat\", \"#kids\"]", "channels: [\"${IRC_PASSWORD}\"]"}}) {
            String yaml = GOOD.replace(misplaced[0], misplaced[1]);
            assertThat(yaml).as(misplaced[1]).isNotEqualTo(GOOD);
            assertThatThrownBy(() -> load(yaml, env)).as(misplaced[1]).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("${IRC_PASSWORD}").hasMessageNotContaining("hunter2");
        }
    }

    @Test
    void aFileLargerThanAnyDeploymentIsRefusedBeforeParsing() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (var out = Files.newBufferedWriter(big)) {
            out.write("personas:\n");
            for (int i = 0; i < 400_000; i++) {
                out.write("  - {handle: p" + i + "}\n");
            }
        }
        assertThatThrownBy(() -> new DeploymentLoader(ENV).load(big)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(big + ": is " + Files.size(big) + " bytes; a deployment file may have at "
                        + "most " + DeploymentLoader.MAX_BYTES);
    }

    @Test
    void retentionDefaultsToNinetyDaysForContactsThatNeverQualifiedAndCanBeSetOrTurnedOff() throws IOException {
        Deployment byDefault = load(GOOD, ENV);
        assertThat(byDefault.retention()).isEqualTo(org.sweetie.core.Retention.DEFAULT);
        assertThat(byDefault.retentionEvery()).isEqualTo(java.time.Duration.ofHours(1));

        Deployment set = load(GOOD + "retention: {after: 30d, keep: stage, every: 10m}\n", ENV);
        assertThat(set.retention()).isEqualTo(new org.sweetie.core.Retention(java.time.Duration.ofDays(30),
                org.sweetie.core.Retention.Keep.STAGED));
        assertThat(set.retentionEvery()).isEqualTo(java.time.Duration.ofMinutes(10));

        assertThat(load(GOOD + "retention: off\n", ENV).retention()).isNull();
        assertThatThrownBy(() -> load(GOOD + "retention: {keep: nothing}\n", ENV))
                .hasMessageEndingWith("retention.keep: expected qualified or stage, got 'nothing'");
        assertThatThrownBy(() -> load(GOOD + "retention: sometimes\n", ENV))
                .hasMessageEndingWith("retention: expected off, or a mapping with after, keep and every");
    }

    private Deployment load(String yaml, Map<String, String> env) throws IOException {
        Path file = Files.writeString(dir.resolve("sweetie.yaml"), yaml);
        return new DeploymentLoader(env).load(file);
    }
}
