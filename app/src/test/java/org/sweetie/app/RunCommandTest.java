package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweetie run} as an operator meets it, in a process of its own: what stderr says and the exit code. */
class RunCommandTest {
    @TempDir
    Path folder;

    @Test
    void aNetworkThatNeverConnectsIsOneLinePerRetryAndExitsWithOne() throws Exception {
        int closedPort;
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            closedPort = probe.socket().getLocalPort();
        }
        Path config = folder.resolve("deployment.yaml");
        Files.writeString(config, """
                personas:
                  - handle: sweetie
                    nicknames: [Sweetie10]
                    age: 10
                    country: PH
                    languages: [en]
                    irc:
                      - network: closednet
                        host: 127.0.0.1
                        port: %d
                        channels: ["#chat"]
                """.formatted(closedPort));

        Result run = sweetie("run", "--config", config.toString(), "--db", folder.resolve("store.db").toString(),
                "--key", folder.resolve("evidence.key").toString(), "--for", "PT4S");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        String where = "irc network 'closednet' (127.0.0.1:" + closedPort + ")";
        List<String> about = run.err().lines().filter(l -> l.contains(where)).toList();
        assertThat(about).as(run.err()).hasSizeGreaterThanOrEqualTo(2).allMatch(l -> l.matches(
                "sweetie: \\Q" + where + "\\E: connection refused; retrying in \\d+ s"));
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err()).contains("sweetie run: no network connected during the run (closednet); "
                + "nothing was captured.");
    }

    private record Result(int exitCode, String err) {
    }

    /** The real entry point in a JVM of its own, as the sweetie script starts it. */
    private Result sweetie(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("sweetie run ended").isTrue();
        return new Result(process.exitValue(), err);
    }
}
