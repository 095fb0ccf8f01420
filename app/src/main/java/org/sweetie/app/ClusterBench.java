package org.sweetie.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.sweetie.capture.live.irc.IrcNetwork;
import org.sweetie.capture.live.irc.LocalNgircd;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Message;
import org.sweetie.core.Persona;
import org.sweetie.pipeline.LocalKafka;
import org.sweetie.pipeline.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The capture bench over the Kafka pipeline: N capture nodes (one persona each on a real local ngircd) publish to a
 * one-node Kafka in this process, and one writer stores into a fresh SQLite workspace (analysis and evidence log);
 * the partners, plain IRC clients, are shared out among the personas. Reports the latency from the partner's send
 * to the writer's durable commit, and whether anything was lost.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Runs N capture nodes, a one-node Kafka and a writer on this machine and drives P concurrent "
                + "partners against a local ngircd (started for the run); reports sent, stored and lost lines and the "
                + "latency from the partner's send to the writer's durable store.",
            "Needs Debian's ngircd (/usr/sbin/ngircd)."})
final class ClusterBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "2", description = "Capture nodes (${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--partners", defaultValue = "1000", description = "Concurrent partners (${DEFAULT-VALUE}).")
    int partners;

    @Option(names = "--for", defaultValue = "2m", paramLabel = "DURATION",
            description = "How long they talk, after all have connected (${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--interval", defaultValue = "5s", paramLabel = "DURATION",
            description = "Mean pause between one partner's lines (${DEFAULT-VALUE}).")
    Duration interval;

    private final LongAdder failed = new LongAdder();
    private BenchCrowd crowd;
    private final LongAdder stored = new LongAdder();
    private final Latencies latencies = new Latencies();
    private volatile Latencies window = new Latencies();

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || partners < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--nodes and --partners must be "
                    + "at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TempFolder work = new TempFolder("sweetie-cluster-bench");
             LocalKafka kafka = new LocalKafka(work.path.resolve("kafka"));
             LocalNgircd server = new LocalNgircd(work.path);
             Workspace workspace = StoreOptions.embedded(work.path.resolve("bench.db").toString(),
                     work.path.resolve("bench.keys"), StoreOptions.BENCH_PASSPHRASE.toCharArray()).open()) {
            Topics topics = new Topics(kafka.bootstrap(), "bench.");
            List<Persona> personas = new ArrayList<>();
            List<ClusterNode> running = new ArrayList<>();
            try (ClusterWriter writer = new ClusterWriter(workspace, topics, List.of(), err)) {
                writer.capture().addListener((network, conversation, message) -> measure(message));
                for (int i = 0; i < nodes; i++) {
                    Persona persona = new Persona("bench" + i, List.of("Sweetie" + i), 10, "PH", List.of("en"), "");
                    personas.add(persona);
                    ChatNetwork network = new IrcNetwork(persona, new IrcNetwork.Settings("benchnet", "127.0.0.1",
                            server.port(), false, null, null, null, List.of(), "sweetie" + i, "Sweetie",
                            "HexChat 2.16.1 / Linux"));
                    running.add(new ClusterNode("node" + i, topics, List.of(network), err));
                }
                drive(server.port(), personas, out, err, running);
            } finally {
                running.forEach(ClusterNode::close);
            }
        }
        return 0;
    }

    private void drive(int port, List<Persona> personas, PrintWriter out, PrintWriter err, List<ClusterNode> running)
            throws Exception {
        crowd = new BenchCrowd(interval);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch connected = new CountDownLatch(partners);
            CountDownLatch start = new CountDownLatch(1);
            AtomicLong until = new AtomicLong();
            for (int p = 0; p < partners; p++) {
                int n = p;
                String to = personas.get(n % personas.size()).nicknames().getFirst();
                clients.submit(() -> {
                    try {
                        return crowd.partner(port, n, to, connected, start, until);
                    } catch (IOException e) {
                        failed.increment();
                        connected.countDown();
                        throw e;
                    }
                });
            }
            while (!connected.await(2, TimeUnit.SECONDS)) {
                err.printf("connecting: %,d of %,d%n", partners - connected.getCount(), partners);
                err.flush();
            }
            if (failed.sum() > 0) {
                throw new IOException(failed.sum() + " partners could not connect to ngircd");
            }
            out.printf("%d capture nodes, a one-node Kafka and a writer; %,d partners connected to ngircd on "
                    + "127.0.0.1:%d; talking for %s, a line every ~%s each%n", nodes, partners, port, duration,
                    interval);
            out.flush();
            until.set(System.nanoTime() + duration.toNanos());
            long begin = System.nanoTime();
            start.countDown();
            while (System.nanoTime() < until.get()) {
                Thread.sleep(Math.min(10_000, Math.max(1, (until.get() - System.nanoTime()) / 1_000_000)));
                Latencies last = window;
                window = new Latencies();
                err.printf("%3.0f s: sent %,d, stored %,d; latency since the last line %s%n",
                        (System.nanoTime() - begin) / 1e9, crowd.sent(), stored.sum(), last.summary());
                running.forEach(n -> err.println("  " + n.progress()));
                err.flush();
            }
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.MINUTES);
            // the writer may be behind: wait while it makes progress (a line counts as lost only when nothing moves
            // for 30 s), so a slow machine shows as latency, not as loss
            long last = -1;
            long still = System.nanoTime();
            while (stored.sum() < crowd.sent() && System.nanoTime() - still < Duration.ofSeconds(30).toNanos()) {
                if (stored.sum() != last) {
                    last = stored.sum();
                    still = System.nanoTime();
                }
                Thread.sleep(50); // polling the counter
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            out.printf("sent %,d, stored %,d, lost %,d; %,.0f messages/s over %.0f s%n",
                    crowd.sent(), stored.sum(), crowd.sent() - stored.sum(), stored.sum() / seconds, seconds);
            out.println("capture latency, partner send to durable store (through Kafka): " + latencies.summary());
            out.printf("peak heap %,d MiB; Java %s, %d processors%n", BenchCommand.ImportBench.peakHeap() >> 20,
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
        }
    }

    /** Called by the writer's capture once a partner's line is committed: the end of its journey. */
    private void measure(Message message) {
        Long at = crowd.sentAt(message.text());
        if (at != null) {
            long nanos = System.nanoTime() - at;
            latencies.add(nanos);
            window.add(nanos);
            stored.increment();
        }
    }
}
