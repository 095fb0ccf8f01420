package org.sweetie.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.sweetie.analysis.Analyzer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.sweetie.capture.live.Capture;
import org.sweetie.capture.live.LiveOutlet;
import org.sweetie.capture.live.config.PersonaDeployment;
import org.sweetie.persona.Responder;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Network;

/**
 * Personas on their networks, captured into a workspace, until a deadline, a condition or Ctrl-C; a summary line
 * every few seconds on the error stream (progress), and a clean stop: connections closed, the capture queue
 * stored, a final checkpoint signed.
 */
final class LiveSession {
    private final Workspace workspace;
    private final List<ChatNetwork> connections;
    private final PrintWriter progress;
    private final List<PersonaDeployment> voiced;
    private final List<Responder> responders = new java.util.ArrayList<>();
    private final Map<String, org.sweetie.persona.OperatorDesk> desks = new java.util.HashMap<>();
    /** Operators' drafts the guard held, waiting for a supervisor: one queue for every persona of the session. */
    private final org.sweetie.persona.HoldQueue holds = new org.sweetie.persona.HoldQueue();
    private InetSocketAddress operatorAddress;
    private Path operatorToken;
    private org.sweetie.core.Retention retention;
    private MetricsEndpoint metrics;
    private Duration retentionEvery;
    private java.util.function.Function<org.sweetie.web.LiveDesk, AutoCloseable> console;
    private DeskPort deskPort;

    /**
     * @param voiced the personas whose responder answers (the others only listen)
     */
    LiveSession(Workspace workspace, List<ChatNetwork> connections, List<PersonaDeployment> voiced,
                PrintWriter progress) {
        this.workspace = workspace;
        this.connections = List.copyOf(connections);
        this.voiced = List.copyOf(voiced);
        this.progress = progress;
    }

    /** Shows the session's figures on this endpoint while it runs. */
    LiveSession withMetrics(MetricsEndpoint endpoint) {
        this.metrics = endpoint;
        return this;
    }

    /** Applies this retention rule at the start and at every interval while the session runs. */
    LiveSession withRetention(org.sweetie.core.Retention rule, Duration interval) {
        this.retention = rule;
        this.retentionEvery = interval;
        return this;
    }

    /** Opens the operators' API on this loopback address while the session runs (voiced personas only). */
    LiveSession withOperatorApi(InetSocketAddress address, Path tokenFile) {
        this.operatorAddress = address;
        this.operatorToken = tokenFile;
        return this;
    }

    /** Serves the web console beside the session while it runs, its desk live on the session's voiced personas. */
    LiveSession withConsole(java.util.function.Function<org.sweetie.web.LiveDesk, AutoCloseable> opener) {
        this.console = opener;
        return this;
    }

    /**
     * Lets what is in flight finish before the capture stops: lines received, and the bot's answers to them (which
     * are stored through the same capture). Bounded, so a stuck network cannot hold the shutdown.
     */
    private void settle(Capture capture) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int calm = 0;
        while (calm < 3 && System.nanoTime() < end) {
            boolean still = capture.quiet() && responders.stream().allMatch(Responder::idle);
            calm = still ? calm + 1 : 0;
            Thread.sleep(20); // polling: quiet must hold for a few looks in a row
        }
    }

    private OperatorApi openOperatorApi() {
        if (operatorAddress == null || desks.isEmpty()) {
            return null;
        }
        try {
            OperatorApi api = new OperatorApi(operatorAddress, operatorToken, workspace.store(), desks, holds);
            progress.println("operator API on http://" + operatorAddress.getHostString() + ":" + api.port()
                    + " (token in " + operatorToken + ")");
            return api;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot open the operator API on " + operatorAddress, e);
        }
    }

    /** Each voiced persona's responder hears its partners' stored messages and answers through the guard. */
    private void giveVoices(Capture capture, Analyzer analyzer) {
        Map<Network, ChatNetwork> byNetwork = connections.stream()
                .collect(Collectors.toMap(ChatNetwork::network, c -> c, (a, b) -> a));
        // the desk hears of every line the persona says once it is stored, as of the partners' lines below
        LiveOutlet outlet = new LiveOutlet(byNetwork, capture, conversation -> deskPort.changed(conversation.id()));
        for (PersonaDeployment deployment : voiced) {
            Voice voice = Voice.of(deployment, workspace, outlet, analyzer, Clock.systemUTC(), holds,
                    metrics == null ? decision -> { } : metrics::decided);
            responders.add(voice.responder());
            desks.put(voice.persona().handle(), voice.desk());
            capture.addListener((network, conversation, message) -> voice.responder().heard(conversation, message));
        }
        deskPort = new DeskPort(workspace.store(), desks, holds, connections);
        capture.addListener((network, conversation, message) -> deskPort.changed(conversation.id()));
    }

    private void closeQuietly(AutoCloseable served) {
        try {
            served.close();
        } catch (Exception e) {
            status("the console did not stop cleanly: " + e.getMessage());
        }
    }

    /** A connection's status line: a server's words may be in it, shown and never obeyed by the terminal. */
    private void status(String line) {
        progress.println("sweetie: " + org.sweetie.core.Printable.of(line));
        progress.flush();
        RunLog.EVENTS.info(line);
    }

    /** Runs until the duration has passed (null: no limit), {@code done} holds, or the process is interrupted. */
    LiveSummary run(Duration duration, Duration every, BooleanSupplier done) throws InterruptedException {
        Set<Network> networks = connections.stream().map(ChatNetwork::network).collect(Collectors.toSet());
        Analyzer analyzer = Analyzer.standard();
        Stopping stopping = new Stopping(Duration.ofMinutes(1)); // Ctrl-C waits for the queue to reach the store
        try (Capture capture = new Capture(workspace.inBatches())) {
            OperatorApi api = null;
            AutoCloseable served = null;
            RetentionSchedule schedule = null;
            try {
                if (metrics != null) {
                    metrics.observe(capture);
                    connections.forEach(metrics::observe);
                }
                giveVoices(capture, analyzer);
                api = openOperatorApi();
                if (console != null) {
                    served = console.apply(deskPort);
                }
                if (retention != null) {
                    schedule = new RetentionSchedule(workspace, capture, retention, retentionEvery, this::status,
                            Clock.systemUTC()).start();
                }
                connections.forEach(c -> c.onStatus(this::status));
                connections.forEach(c -> c.start(capture.inboxFor(c)));
                stopping.runFor(duration, every, done, () -> {
                    progress.println(LiveSummary.progress(workspace.store(), networks));
                    progress.flush();
                });
            } finally {
                if (schedule != null) {
                    schedule.close();
                }
                if (api != null) {
                    api.close();
                }
                if (served != null) {
                    closeQuietly(served);
                }
                connections.forEach(ChatNetwork::close);
                settle(capture);
            }
        } finally {
            workspace.evidence().checkpoint();
            stopping.close();
        }
        return LiveSummary.of(workspace.store(), networks, analyzer);
    }
}
