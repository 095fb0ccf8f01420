package org.sweetie.app;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sweetie.capture.live.config.Deployment;
import org.sweetie.capture.live.config.DeploymentLoader;
import org.sweetie.capture.live.config.PersonaDeployment;
import org.sweetie.capture.live.sandbox.Crowd;
import org.sweetie.core.ChatNetwork;
import org.sweetie.store.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import org.sweetie.web.ConsoleOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the configured personas on their networks and captures everything into the store. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the personas of a deployment file on their IRC, XMPP and sandbox networks and captures "
                + "every conversation into the store (analysed, in the evidence log) until Ctrl-C or --for.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The deployment file (YAML).")
    Path config;

    @Option(names = "--for", paramLabel = "DURATION",
            description = "Stop after this long, like 30s, 10m or 2h; default: until Ctrl-C.")
    Duration duration;

    @Option(names = "--operator-api", defaultValue = "127.0.0.1:7311", paramLabel = "HOST:PORT",
            description = "Loopback address of the operators' API for take-over (default: ${DEFAULT-VALUE}); "
                    + "opened when a persona has a responder.")
    String operatorApi;

    @Option(names = "--operator-token", defaultValue = "data/operator.token", paramLabel = "FILE",
            description = "Where the API's token is written, readable by this user only (default: ${DEFAULT-VALUE}).")
    Path operatorToken;

    @Option(names = "--metrics", paramLabel = "HOST:PORT",
            description = "Serve the run's figures for Prometheus at http://HOST:PORT/metrics (loopback only): "
                    + "lines stored, capture queue, commit latency, guard decisions, network state. Off by default.")
    String metricsAddress;

    @Option(names = "--log", paramLabel = "FILE",
            description = "Also log the run's events to FILE as JSON lines (rotated daily and at 10 MB, 30 days "
                    + "kept).")
    Path log;

    @Option(names = "--console", paramLabel = "PORT",
            description = "Serve the web console on this port beside the deployment, its operators' desk live "
                    + "(0: any free port; docs/console.md).")
    Integer consolePort;

    @Option(names = "--console-bind", paramLabel = "ADDRESS", defaultValue = ConsoleOptions.DEFAULT_BIND,
            description = "The address the console listens on (default: ${DEFAULT-VALUE}, this machine only).")
    String consoleBind;

    @picocli.CommandLine.Mixin
    ConsoleSessionOptions consoleSession;

    @Option(names = "--node", paramLabel = "NAME",
            description = "Run as the capture node NAME of a deployment with a Kafka pipeline (pipeline: kafka: in "
                    + "the file): its connections publish to Kafka and `sweetie writer` stores; no store here.")
    String node;

    @Option(names = "--summary-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds between the summary lines on stderr (default: ${DEFAULT-VALUE}).")
    long every;

    @Override
    public Integer call() throws Exception {
        ConsoleOptions served = consoleOptions();
        Deployment deployment = new DeploymentLoader(System.getenv()).load(config);
        if (deployment.store() != null && !spec.commandLine().getParseResult().hasMatchedOption("--db")) {
            storeOptions.location = deployment.store();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (node != null || deployment.pipeline() != null) {
            return runNode(deployment, err);
        }
        try (RunLock claim = RunLock.claim(storeOptions.location); Workspace workspace = storeOptions.open()) {
            List<ChatNetwork> connections = new ArrayList<>();
            for (PersonaDeployment persona : deployment.personas()) {
                connections.addAll(persona.connections(Crowd.standard()));
            }
            for (ChatNetwork c : connections) {
                err.println("sweetie run: " + c.persona().handle() + " on " + c.network().name() + " ("
                        + c.network().protocol().name().toLowerCase() + ")");
            }
            err.flush();
            List<PersonaDeployment> voiced = deployment.personas().stream()
                    .filter(p -> p.responding().enabled()).toList();
            LiveSummary summary;
            try (RunLog file = log == null ? null : RunLog.to(log);
                 MetricsEndpoint metrics = metricsAddress == null ? null
                    : new MetricsEndpoint(address("--metrics", metricsAddress))) {
                RunLog.EVENTS.info("run started: " + connections.size() + " connection(s), store "
                        + storeOptions.location);
                if (metrics != null) {
                    err.println("sweetie run: metrics on http://" + metricsAddress + "/metrics");
                }
                summary = new LiveSession(workspace, connections, voiced, err)
                        .withOperatorApi(address("--operator-api", operatorApi), operatorToken)
                        .withRetention(deployment.retention(), deployment.retentionEvery())
                        .withMetrics(metrics)
                        .withConsole(served == null ? null
                                : desk -> ConsoleCommand.serve(workspace, served, desk, err, err))
                        .run(duration, Duration.ofSeconds(every), () -> false);
                RunLog.EVENTS.info("run ended");
            }
            out.println("Captured on this deployment's networks:");
            out.print(summary.table());
            return neverConnected(connections, err) ? 1 : 0;
        }
    }

    /** A capture node: the deployment's connections publish to its Kafka pipeline until --for or Ctrl-C. */
    private int runNode(Deployment deployment, PrintWriter err) throws InterruptedException {
        if (deployment.pipeline() == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--node: " + config
                    + " has no pipeline (pipeline: kafka: {bootstrap: HOST:PORT, topic_prefix: ...})");
        }
        if (node == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), config + " has a Kafka pipeline: "
                    + "run each capture node with --node NAME, and `sweetie writer` to store (docs/scale.md)");
        }
        org.sweetie.pipeline.Topics topics = new org.sweetie.pipeline.Topics(deployment.pipeline().bootstrap(),
                deployment.pipeline().topicPrefix());
        List<ChatNetwork> connections = new ArrayList<>();
        for (PersonaDeployment persona : deployment.personas()) {
            connections.addAll(persona.connections(Crowd.standard()));
        }
        // Ctrl-C waits for the node to hand its records to Kafka
        try (Stopping stopping = new Stopping(Duration.ofMinutes(1));
             ClusterNode running = new ClusterNode(node, topics, connections, err)) {
            err.println("sweetie run: node " + node + " publishing to Kafka at " + topics.bootstrap() + " ("
                    + topics.inbound() + ")");
            err.flush();
            stopping.runFor(duration, Duration.ofSeconds(every), () -> false, () -> {
                err.println(running.progress());
                err.flush();
            });
        }
        return neverConnected(connections, err) ? 1 : 0;
    }

    /** A run in which no network ever came up captured nothing: said plainly, and not an exit 0 to a script. */
    private static boolean neverConnected(List<ChatNetwork> connections, PrintWriter err) {
        if (connections.isEmpty() || connections.stream().anyMatch(ChatNetwork::everConnected)) {
            return false;
        }
        err.println("sweetie run: no network connected during the run ("
                + connections.stream().map(c -> c.network().name()).collect(Collectors.joining(", "))
                + "); nothing was captured. Check the hosts, ports and network access above.");
        err.flush();
        return true;
    }

    /** How the console is served beside the deployment, or null without --console. */
    private ConsoleOptions consoleOptions() {
        if (consolePort == null) {
            return null;
        }
        try {
            return new ConsoleOptions(consoleBind, consolePort, consoleSession.behindProxy, consoleSession.idle,
                    java.util.Set.of());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--console: " + e.getMessage());
        }
    }

    private InetSocketAddress address(String option, String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    option + ": expected HOST:PORT, got '" + hostPort + "'");
        }
    }
}
