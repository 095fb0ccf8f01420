package org.sweetie.capture.live.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.EventKind;
import org.sweetie.core.Inbound;
import org.sweetie.core.Inbox;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Protocol;

/**
 * An in-process chat network where a {@link Crowd} of scripted partners talks to the persona: for the demo, for
 * training operators and for load tests. Each partner waits until its last line is stored before saying the next,
 * as a real client waits for the server, and pauses about {@code pace} between lines.
 */
public final class SandboxNetwork implements ChatNetwork {
    /** The room where sandbox partners first appear. */
    public static final String ROOM = "#sandbox";

    private final Network network;
    private final Persona persona;
    private final Settings settings;
    private final Crowd crowd;
    private final AtomicInteger finished = new AtomicInteger();
    private final java.util.Map<String, List<String>> heard = new java.util.concurrent.ConcurrentHashMap<>();
    private ExecutorService partners;
    private Thread arrivals;
    private volatile boolean closed;

    /**
     * @param partners how many partners come in all (0: they keep coming until the network is closed)
     * @param concurrent how many talk to the persona at once
     * @param pace the pause between one partner's lines (zero in tests)
     */
    public record Settings(String name, int partners, int concurrent, Duration pace, long seed) {
        public Settings {
            Objects.requireNonNull(name, "name");
            if (partners < 0 || concurrent < 1) {
                throw new IllegalArgumentException("partners must be >= 0 and concurrent >= 1");
            }
            Objects.requireNonNull(pace, "pace");
        }
    }

    public SandboxNetwork(Persona persona, Settings settings, Crowd crowd) {
        this.network = new Network(settings.name(), Protocol.SANDBOX);
        this.persona = persona;
        this.settings = settings;
        this.crowd = crowd;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public Persona persona() {
        return persona;
    }

    /** Partners whose script has run to its end. */
    public int finished() {
        return finished.get();
    }

    @Override
    public void start(Inbox inbox) {
        partners = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore places = new Semaphore(settings.concurrent());
        arrivals = Thread.ofVirtual().name("sandbox-arrivals").start(() -> {
            try {
                for (int n = 1; !closed && (settings.partners() == 0 || n <= settings.partners()); n++) {
                    places.acquire();
                    Crowd.Script script = crowd.script(settings.seed(), n, ageOf(persona));
                    partners.submit(() -> {
                        try {
                            play(script, inbox);
                        } finally {
                            places.release();
                        }
                        return null;
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static int ageOf(Persona persona) {
        return persona.statedAge() == null ? 10 : persona.statedAge();
    }

    private void play(Crowd.Script script, Inbox inbox) throws InterruptedException, ExecutionException {
        Random random = new Random(settings.seed() ^ script.nick().hashCode());
        say(inbox, new Inbound.Happened(Instant.now(), script.nick(), ROOM, EventKind.JOIN, "joined " + ROOM,
                script.host(), null));
        String nick = script.nick();
        List<String> lines = script.lines();
        for (int i = 0; i < lines.size() && !closed; i++) {
            if (script.changedNick() != null && i == lines.size() / 2) {
                say(inbox, new Inbound.NickChanged(Instant.now(), nick, script.changedNick(), script.host(), null));
                nick = script.changedNick();
            }
            say(inbox, new Inbound.Said(Instant.now(), nick, null, lines.get(i), script.host(), null, null));
            pause(random);
        }
        say(inbox, new Inbound.Happened(Instant.now(), nick, null, EventKind.QUIT, "quit", script.host(), null));
        if (script.returnNick() != null && !closed) {
            pause(random);
            for (int i = 0; i < lines.size() && !closed; i++) {
                say(inbox, new Inbound.Said(Instant.now(), script.returnNick(), null, lines.get(i), script.host(),
                        null, null));
                pause(random);
            }
        }
        finished.incrementAndGet();
    }

    /** Says one thing and waits, as a client waits for its line to go out, until it is stored. */
    private static void say(Inbox inbox, Inbound inbound) throws InterruptedException, ExecutionException {
        inbox.deliver(inbound).get();
    }

    private void pause(Random random) throws InterruptedException {
        long millis = settings.pace().toMillis();
        if (millis > 0) {
            // a person types at an uneven pace: half to one and a half times the configured pause
            Thread.sleep(millis / 2 + (long) (random.nextDouble() * millis));
        }
    }

    /** What the persona said to sandbox partners, by partner nick (the crowd keeps to its scripts). */
    public List<String> heard(String partner) {
        return List.copyOf(heard.getOrDefault(partner, List.of()));
    }

    @Override
    public void send(String partner, String channel, String text) {
        heard.computeIfAbsent(partner, p -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(text);
    }

    @Override
    public void close() {
        closed = true;
        if (arrivals != null) {
            arrivals.interrupt();
            partners.shutdownNow();
            try {
                partners.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
