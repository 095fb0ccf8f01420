package org.sweetie.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A one-node Kafka (KRaft, broker and controller in one) in a JVM of its own, started the way a deployment starts
 * one ({@code kafka.Kafka} with a properties file), on ports and a data directory fixed for its whole life: a test
 * can stop it for real and start it again where its clients knew it. The in-process {@link LocalKafka} cannot do
 * that (its test kit does not come back on its port).
 *
 * <p>As a main, args PROPERTIES CLUSTER_ID: formats the data directory unless it is formatted already, then runs
 * the broker until killed, or until the test JVM that started it is gone (its standard input closes).
 */
final class BrokerProcess implements AutoCloseable {
    private final Path directory;
    private final Path properties;
    private final String clusterId = Uuid.randomUuid().toString();
    private final int port;
    private Process running;
    private int starts;

    /** Chooses two free ports on the loopback (clients, controller) and writes the broker's settings. */
    BrokerProcess(Path directory) throws IOException {
        this.directory = directory;
        this.port = freePort();
        int controller = freePort();
        Files.createDirectories(directory);
        this.properties = directory.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker's JVM; its output goes to broker-N.log in the directory. Clients wait for it themselves. */
    void start() {
        if (running != null && running.isAlive()) {
            throw new IllegalStateException("the broker in " + directory + " is running already");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            running = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    BrokerProcess.class.getName(), properties.toString(), clusterId)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("broker-" + (++starts) + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker's JVM for " + directory, e);
        }
    }

    /** Kills the broker with SIGKILL, as a crash or the OOM killer would, and waits until its JVM is gone. */
    void kill() {
        if (running == null) {
            return;
        }
        running.destroyForcibly();
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the broker's JVM (pid " + running.pid() + ") outlived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the broker's JVM to end", e);
        }
    }

    boolean alive() {
        return running != null && running.isAlive();
    }

    @Override
    public void close() {
        kill();
    }

    public static void main(String[] args) throws Exception {
        exitWithTheParent();
        // --ignore-formatted: a restart finds the directory formatted and keeps what it holds
        int formatted = kafka.tools.StorageTool.execute(new String[] {"format", "--config", args[0],
            "--cluster-id", args[1], "--ignore-formatted"}, System.out);
        if (formatted != 0) {
            System.out.println("formatting the broker's storage failed: " + formatted);
            System.exit(formatted);
        }
        System.out.println("broker starting with " + args[0]);
        kafka.Kafka.main(new String[] {args[0]});
    }

    /** A test JVM that dies leaves no broker behind: its end closes this one's standard input. */
    private static void exitWithTheParent() {
        Thread.ofPlatform().daemon().name("parent-watch").start(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the test sends nothing; only the end of the stream counts
                }
            } catch (IOException e) {
                // the pipe broke: the parent is gone all the same
            }
            System.out.println("the test JVM is gone: stopping the broker");
            Runtime.getRuntime().halt(1);
        });
    }
}
