package org.sweetie.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.sweetie.analysis.SyntheticChat;
import org.sweetie.capture.live.Capture;
import org.sweetie.capture.live.irc.IrcNetwork;
import org.sweetie.capture.live.irc.LocalNgircd;
import org.sweetie.core.Conversation;
import org.sweetie.core.Inbound;
import org.sweetie.core.Inbox;
import org.sweetie.core.Message;
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
    private static final List<Message> LINES = SyntheticChat.lines(300).stream()
            .filter(m -> !m.author().isPersona()).toList();

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

    /**
     * ngircd listens with a backlog of 10 (hard-coded) and accepts one connection per turn of its loop: more connects
     * at once overflow the backlog and the kernel's SYN retries (1 s, 3 s, 7 s ... 127 s) stretch the start.
     */
    private static final int CONNECTING_AT_ONCE = 8;

    private final Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
    private final LongAdder failed = new LongAdder();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
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
                            return partner(server.port(), n, connected, start, until);
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
                        sent.sum(), stored.sum(), inStore, sent.sum() - inStore, drained / seconds, seconds);
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

    /** One partner: register, wait for the start, then a line every ~interval until the end. */
    private Void partner(int port, int n, CountDownLatch connected, CountDownLatch start, AtomicLong until)
            throws IOException, InterruptedException {
        String nick = "partner" + n;
        connecting.acquire();
        Socket socket;
        BufferedReader in;
        OutputStream out;
        try {
            socket = new Socket("127.0.0.1", port);
            out = socket.getOutputStream();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            send(out, "NICK " + nick + "\r\nUSER p" + n + " 0 * :Partner " + n + "\r\n");
            for (String line; (line = in.readLine()) != null && !line.contains(" 001 "); ) {
                if (line.startsWith("PING ")) {
                    send(out, "PONG " + line.substring(5) + "\r\n");
                }
            }
        } finally {
            connecting.release();
        }
        try (socket) {
            Thread.ofVirtual().start(() -> answerPings(in, out));
            connected.countDown();
            start.await();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            // partners start spread over one interval, as people who came at different times
            Thread.sleep(random.nextLong(Math.max(1, interval.toMillis())));
            for (int seq = 0; System.nanoTime() < until.get(); seq++) {
                // the tag is in letters: digits would make every line look like a phone number to the analysis
                String tag = letters(n) + "-" + letters(seq);
                String text = LINES.get((n + seq) % LINES.size()).text() + " #" + tag;
                sentAt.put(tag, System.nanoTime());
                send(out, "PRIVMSG " + PERSONA_NICK + " :" + text + "\r\n");
                sent.increment();
                Thread.sleep(interval.toMillis() / 2 + random.nextLong(Math.max(1, interval.toMillis())));
            }
            send(out, "QUIT :done\r\n");
        }
        return null;
    }

    /** A number in the letters a to z (0 is "a", 26 is "ba"). */
    static String letters(int number) {
        StringBuilder s = new StringBuilder();
        int rest = number;
        do {
            s.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return s.reverse().toString();
    }

    private static void answerPings(BufferedReader in, OutputStream out) {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("PING ")) {
                    send(out, "PONG " + line.substring(5) + "\r\n");
                }
            }
        } catch (IOException e) {
            // the partner quit
        }
    }

    private static void send(OutputStream out, String lines) throws IOException {
        synchronized (out) {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Times a partner's line from its send to the moment the store made it durable. */
    private java.util.concurrent.CompletableFuture<Void> measure(Inbound inbound,
                                                                 java.util.concurrent.CompletableFuture<Void> done) {
        if (inbound instanceof Inbound.Said said) {
            int mark = said.text().lastIndexOf(" #");
            if (mark > 0) {
                Long at = sentAt.remove(said.text().substring(mark + 2));
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
            }
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
                    (System.nanoTime() - begin) / 1e9, sent.sum(), stored.sum(), last.summary());
            err.flush();
        }
    }

    /** Waits until every sent line is stored, or the limit; returns how many were stored. */
    private long awaitStored(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (stored.sum() < sent.sum() && System.nanoTime() < end) {
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
