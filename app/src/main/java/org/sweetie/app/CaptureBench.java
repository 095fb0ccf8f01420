package org.sweetie.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.sweetie.capture.live.Capture;
import org.sweetie.capture.live.irc.IrcNetwork;
import org.sweetie.capture.live.irc.LocalNgircd;
import org.sweetie.core.Conversation;
import org.sweetie.core.Inbound;
import org.sweetie.core.Inbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * N partners, each a plain IRC client on its own socket, hold a conversation with one persona on a real local
 * ngircd for a while; every line goes through the whole capture path (store, analysis, evidence log). Reports
 * messages per second, the latency from the partner's send to the durable store, and whether anything was lost.
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Drives N concurrent partner connections against a local ngircd (started for the run), each "
                + "chatting with one persona, and reports messages/s, capture latency percentiles (partner send to "
                + "durable store) and lost messages.",
            "Needs Debian's ngircd (/usr/sbin/ngircd)."})
final class CaptureBench implements Callable<Integer> {
    private static final String PERSONA_NICK = DemoCommand.PERSONA.nicknames().getFirst();

    @Spec
    CommandSpec spec;

    @Option(names = "--partners", defaultValue = "1000", description = "Concurrent partners (${DEFAULT-VALUE}).")
    int partners;

    @Option(names = "--for", defaultValue = "5m", paramLabel = "DURATION",
            description = "How long they talk, after all have connected (${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--interval", defaultValue = "5s", paramLabel = "DURATION",
            description = "Mean pause between one partner's lines (${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--db", paramLabel = "LOCATION",
            description = "Store (default: a fresh SQLite file in a temporary folder).")
    String db;

    private final LongAdder failed = new LongAdder();
    private BenchCrowd crowd;
    private final LongAdder stored = new LongAdder();
    private final Latencies latencies = new Latencies();
    /**
     * The latencies of lines sent after the first {@link #WARM_UP}: the steady state, without the burst of first
     * contacts when every partner speaks for the first time within one interval.
     */
    private final Latencies steady = new Latencies();
    /** When the steady state begins (System.nanoTime), once the partners start talking. */
    private volatile long steadyFrom = Long.MAX_VALUE;
    static final Duration WARM_UP = Duration.ofSeconds(10);
    /** The latencies since the last progress line: shows the steady state apart from the first-contact burst. */
    private volatile Latencies window = new Latencies();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TempFolder work = new TempFolder("sweetie-capture-bench");
             LocalNgircd server = new LocalNgircd(work.path);
             Workspace workspace = StoreOptions.embedded(db != null ? db : work.path.resolve("bench.db").toString(),
                     work.path.resolve("bench.keys"), StoreOptions.BENCH_PASSPHRASE.toCharArray()).open();
             Capture capture = new Capture(workspace.inBatches())) {
            IrcNetwork persona = new IrcNetwork(DemoCommand.PERSONA, new IrcNetwork.Settings("benchnet",
                    "127.0.0.1", server.port(), false, null, null, null, List.of(), "sweetie", "Sweetie",
                    "HexChat 2.16.1 / Linux"));
            crowd = new BenchCrowd(interval);
            Inbox inbox = capture.inboxFor(persona);
            persona.start(inbound -> measure(inbound, inbox.deliver(inbound)));
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                CountDownLatch connected = new CountDownLatch(partners);
                CountDownLatch start = new CountDownLatch(1);
                AtomicLong until = new AtomicLong();
                for (int p = 0; p < partners; p++) {
                    int n = p;
                    clients.submit(() -> {
                        try {
                            return crowd.partner(server.port(), n, PERSONA_NICK, connected, start, until);
                        } catch (IOException e) {
                            failed.increment();
                            connected.countDown();
                            throw e;
                        }
                    });
                }
                awaitConnected(connected, err);
                if (failed.sum() > 0) {
                    throw new IOException(failed.sum() + " partners could not connect to ngircd");
                }
                out.printf("%,d partners connected to ngircd on 127.0.0.1:%d; talking for %s, a line every ~%s each%n",
                        partners, server.port(), duration, interval);
                out.flush();
                until.set(System.nanoTime() + duration.toNanos());
                long begin = System.nanoTime();
                steadyFrom = begin + WARM_UP.toNanos();
                start.countDown();
                report(err, begin, until.get());
                clients.shutdown();
                clients.awaitTermination(1, TimeUnit.MINUTES);
                long drained = awaitStored(Duration.ofMinutes(2));
                double seconds = (System.nanoTime() - begin) / 1e9;
                long inStore = storedMessages(workspace, persona);
                out.printf("sent %,d, stored %,d (%,d in the store), lost %,d; %,.0f messages/s over %.0f s%n",
                        crowd.sent(), stored.sum(), inStore, crowd.sent() - inStore, drained / seconds, seconds);
                out.println("capture latency, partner send to durable store: " + latencies.summary());
                out.printf("after the first %d s (lines sent from then on): %s%n", WARM_UP.toSeconds(),
                        steady.summary());
                out.printf("peak heap %,d MiB; Java %s, %d processors%n", BenchCommand.ImportBench.peakHeap() >> 20,
                        Runtime.version(), Runtime.getRuntime().availableProcessors());
            } finally {
                persona.close();
            }
        }
        return 0;
    }

    /** Times a partner's line from its send to the moment the store made it durable. */
    private java.util.concurrent.CompletableFuture<Void> measure(Inbound inbound,
                                                                 java.util.concurrent.CompletableFuture<Void> done) {
        Long at = inbound instanceof Inbound.Said said ? crowd.sentAt(said.text()) : null;
        if (at != null) {
            done.thenRun(() -> {
                long nanos = System.nanoTime() - at;
                latencies.add(nanos);
                window.add(nanos);
                if (at >= steadyFrom) {
                    steady.add(nanos);
                }
                stored.increment();
            });
        }
        return done;
    }

    private void awaitConnected(CountDownLatch connected, PrintWriter err) throws InterruptedException {
        while (!connected.await(2, TimeUnit.SECONDS)) {
            err.printf("connecting: %,d of %,d%n", partners - connected.getCount(), partners);
            err.flush();
        }
    }

    private void report(PrintWriter err, long begin, long end) throws InterruptedException {
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            Latencies last = window;
            window = new Latencies();
            err.printf("%3.0f s: sent %,d, stored %,d; latency since the last line %s%n",
                    (System.nanoTime() - begin) / 1e9, crowd.sent(), stored.sum(), last.summary());
            err.flush();
        }
    }

    /** Waits until every sent line is stored, or the limit; returns how many were stored. */
    private long awaitStored(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (stored.sum() < crowd.sent() && System.nanoTime() < end) {
            Thread.sleep(50); // polling the counter
        }
        return stored.sum();
    }

    private static long storedMessages(Workspace workspace, IrcNetwork persona) {
        return workspace.store().conversations().stream()
                .filter(c -> c.key().network().equals(persona.network()))
                .mapToLong((Conversation c) -> workspace.store().messages(c.id()).size()).sum();
    }
}
