package org.sweetie.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweetie.capture.logs.ImportSummary;
import org.sweetie.capture.live.config.OperatingHours;
import org.sweetie.capture.live.config.PersonaDeployment;
import org.sweetie.capture.live.sandbox.Crowd;
import org.sweetie.capture.live.sandbox.SandboxNetwork;
import org.sweetie.capture.logs.LogImporter;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Persona;
import org.sweetie.evidence.BundleVerifier;
import org.sweetie.evidence.BundleWriter;
import org.sweetie.identity.Level;
import org.sweetie.referral.Referrals;
import org.sweetie.referral.Routing;
import org.sweetie.referral.Sender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The demonstration on the embedded default, in a fresh SQLite store: the bundled synthetic logs (non-graphic,
 * fictional identifiers) are imported, then the persona sits on the sandbox network while the scripted crowd talks
 * to her, with a live summary; at the end everything is exported as a referral bundle and verified.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Imports the bundled synthetic sample conversations into a fresh embedded store "
                + "(DIR/demo.db), runs the persona on the sandbox network with a scripted crowd (live summary on "
                + "stderr; Ctrl-C ends it early), then exports everything as a referral bundle and verifies it, and "
                + "writes the referral packages (DIR/referrals) from a fictional sender, 'Demo NGO (synthetic data)'.")
final class DemoCommand implements Callable<Integer> {
    static final Persona PERSONA = new Persona("sweetie10", List.of("Sweetie10", "sweetie_ph"), 10, "PH",
            List.of("en", "tl"), "10 y/o girl from Cebu, likes drawing and K-pop");

    static final String DEMO_ORGANISATION = "Demo NGO (synthetic data)";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "Folder for the demo store (default: ${DEFAULT-VALUE}).")
    Path data;

    /** The demo's store holds synthetic data only: its passphrase is fixed and printed (docs/security.md). */
    static final String DEMO_PASSPHRASE = "sweetie-demo-synthetic-data";

    @Option(names = "--partners", defaultValue = "40", paramLabel = "N",
            description = "Sandbox partners who come to talk (default: ${DEFAULT-VALUE}).")
    int partners;

    @Option(names = "--concurrent", defaultValue = "10", paramLabel = "N",
            description = "How many of them talk at once (default: ${DEFAULT-VALUE}).")
    int concurrent;

    @Option(names = "--pace", defaultValue = "200ms", paramLabel = "DURATION",
            description = "Pause between one partner's lines, like 200ms or 1s (default: ${DEFAULT-VALUE}).")
    Duration pace;

    @Option(names = "--for", defaultValue = "2m", paramLabel = "DURATION",
            description = "Longest the sandbox session runs (default: ${DEFAULT-VALUE}).")
    Duration limit;

    @Option(names = "--cluster", description = "Run the sandbox session as a cluster: a one-node Kafka in this "
            + "process, two capture nodes (one persona each) and a writer that stores and answers (docs/scale.md).")
    boolean cluster;

    @Option(names = "--console", arity = "0..1", paramLabel = "PORT", fallbackValue = "8080",
            description = "After the demo, keep the web console open on the demo's store (default port 8080, on "
                    + "127.0.0.1) with one demo user per role, their passwords printed, until Ctrl-C.")
    Integer consolePort;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path db = data.resolve("demo.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        try (TempFolder logs = new TempFolder("sweetie-demo");
             Workspace workspace = StoreOptions.embedded(db.toString(), data.resolve("demo.keys"),
                     DEMO_PASSPHRASE.toCharArray()).open();
             var progress = new ImportCommand.Progress(spec.commandLine().getErr())) {
            ConversationStore store = workspace.store();
            copySamples(logs.path);
            out.println("Sweetie demo: its data is synthetic, so its key file " + data.resolve("demo.keys")
                    + " has the fixed passphrase '" + DEMO_PASSPHRASE + "' (give it with SWEETIE_PASSPHRASE to "
                    + "read the demo's store with other commands); a real deployment chooses its own.");
            out.println("Sweetie demo: importing the bundled synthetic logs as persona " + String.join(" and ",
                    PERSONA.nicknames())
                    + " into " + db);
            ImportSummary summary = new LogImporter(store, PERSONA, ZoneOffset.UTC, null, progress)
                    .importPaths(List.of(logs.path));
            progress.close();
            out.println("Imported " + summary);
            out.println();
            for (Conversation c : store.conversations()) {
                Transcript.print(c, store, out);
                out.println();
            }
            if (cluster) {
                clusterSandbox(workspace, out);
            } else {
                sandbox(workspace, out);
            }
            out.println("Stored: " + store.counts().describe());
            Path bundle = data.resolve("demo-referral.zip");
            var written = new BundleWriter(workspace.evidence(), Clock.systemUTC()).write(
                    store.conversations().stream().map(Conversation::id).toList(), "demo referral", bundle);
            out.println();
            out.println("Exported all " + written.conversations() + " conversations (" + written.entries()
                    + " evidence entries) to " + bundle + "; verifying it as a recipient would:");
            out.print(verify(bundle));
            referrals(workspace, out);
            String opened = "--db " + db + " --key " + data.resolve("demo.keys");
            out.println("Look again with (SWEETIE_PASSPHRASE=" + DEMO_PASSPHRASE + "): ./sweetie conversations "
                    + opened + "  and  ./sweetie transcript " + opened + " ID;  ./sweetie verify " + bundle);
            if (consolePort == null) {
                out.println("Or in the browser: ./sweetie demo --console, or ./sweetie users add NAME --role "
                        + "analyst " + opened + "  then  ./sweetie console " + opened + "  (docs/console.md)");
            } else {
                console(workspace, out);
            }
        }
        return 0;
    }

    /** The console on the demo's store, with a demo user per role, until Ctrl-C. */
    private void console(Workspace workspace, PrintWriter out) {
        org.sweetie.web.ConsoleOptions options = new org.sweetie.web.ConsoleOptions(
                org.sweetie.web.ConsoleOptions.DEFAULT_BIND, consolePort, false, Duration.ofMinutes(30),
                java.util.Set.of());
        out.println();
        out.println("Demo users (synthetic data, fresh passwords for this run only; name / password / role):");
        var users = UsersCommand.users(workspace);
        var random = new java.security.SecureRandom();
        for (org.sweetie.core.Role role : org.sweetie.core.Role.values()) {
            String name = "demo-" + role.key();
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            String password = java.util.HexFormat.of().formatHex(bytes);
            users.add(org.sweetie.web.access.Actor.commandLine(), name, role, password.toCharArray());
            out.println("  " + name + " / " + password + " / " + role.key());
        }
        try (Stopping stopping = new Stopping(java.time.Duration.ofSeconds(30));
             org.sweetie.web.Console console = ConsoleCommand.serve(workspace, options,
                     org.sweetie.web.LiveDesk.NONE, out, spec.commandLine().getErr())) {
            stopping.await();
        }
    }

    /** The persona on the sandbox network until the whole crowd has had its say (or the time limit, or Ctrl-C). */
    private void sandbox(Workspace workspace, PrintWriter out) throws InterruptedException {
        SandboxNetwork network = new SandboxNetwork(PERSONA,
                new SandboxNetwork.Settings("sandbox", partners, concurrent, pace, 1), Crowd.standard());
        out.println("Sandbox: " + partners + " scripted partners (" + concurrent + " at a time) talk to "
                + PERSONA.nicknames().getFirst() + "; the bot answers through the entrapment guard and warns those "
                + "whose conversation qualifies.");
        out.flush();
        PersonaDeployment voiced = new PersonaDeployment(PERSONA, new PersonaDeployment.Cover("Sweetie", "Cebu", 5),
                OperatingHours.ALWAYS, new PersonaDeployment.Responding("warn", Duration.ofMinutes(30), false),
                List.of(), List.of(), List.of());
        LiveSummary summary = new LiveSession(workspace, List.of(network), List.of(voiced),
                spec.commandLine().getErr())
                .run(limit, Duration.ofSeconds(2), () -> network.finished() >= partners);
        out.println("Sandbox session captured:");
        out.print(summary.table());
        workspace.store().conversations().stream()
                .filter(c -> c.key().network().equals(network.network()))
                .filter(c -> workspace.store().flags(c.id()).stream().anyMatch(f -> f.value().equals("wcst")))
                .findFirst()
                .ifPresent(c -> {
                    out.println();
                    out.println("One of the conversations that qualified as WCST:");
                    Transcript.print(c, workspace.store(), out);
                });
        out.println();
    }

    static final Persona SECOND_PERSONA = new Persona("lena11", List.of("Lena11", "lena_mnl"), 11, "PH",
            List.of("en", "tl"), "11 y/o girl from Manila, likes dancing and cats");

    /**
     * The sandbox session as a cluster: a one-node Kafka here, two capture nodes each holding one persona's sandbox
     * connection, and a writer that stores into the demo's workspace and answers through the guard; the answers go
     * back through Kafka to the node holding the connection.
     */
    private void clusterSandbox(Workspace workspace, PrintWriter out) throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        List<Persona> personas = List.of(PERSONA, SECOND_PERSONA);
        try (TempFolder folder = new TempFolder("sweetie-demo-kafka");
             org.sweetie.pipeline.LocalKafka kafka = new org.sweetie.pipeline.LocalKafka(folder.path.resolve("kafka"))) {
            org.sweetie.pipeline.Topics topics = new org.sweetie.pipeline.Topics(kafka.bootstrap(), "demo.");
            out.println("Cluster: a one-node Kafka at " + kafka.bootstrap() + ", two capture nodes and a writer. On "
                    + "each node " + partners + " scripted partners (" + concurrent + " at a time) talk to its "
                    + "persona; the writer stores, analyses and answers through the entrapment guard, and each "
                    + "answer goes back through Kafka to the node holding the connection.");
            out.flush();
            List<PersonaDeployment> voiced = personas.stream().map(p -> new PersonaDeployment(p,
                    new PersonaDeployment.Cover(p == PERSONA ? "Sweetie" : "Lena", p == PERSONA ? "Cebu" : "Manila",
                            5), OperatingHours.ALWAYS,
                    new PersonaDeployment.Responding("warn", Duration.ofMinutes(30), false), List.of(), List.of(),
                    List.of())).toList();
            List<SandboxNetwork> networks = new java.util.ArrayList<>();
            List<ClusterNode> nodes = new java.util.ArrayList<>();
            try (ClusterWriter writer = new ClusterWriter(workspace, topics, voiced, err)) {
                for (int i = 0; i < personas.size(); i++) {
                    SandboxNetwork network = new SandboxNetwork(personas.get(i),
                            new SandboxNetwork.Settings("sandbox", partners, concurrent, pace, 1), Crowd.standard());
                    networks.add(network);
                    nodes.add(new ClusterNode("node-" + (char) ('a' + i), topics, List.of(network), err));
                }
                long end = System.nanoTime() + limit.toNanos();
                while (System.nanoTime() < end
                        && !networks.stream().allMatch(n -> n.finished() >= partners)) {
                    Thread.sleep(2_000); // the progress line's interval
                    nodes.forEach(n -> err.println(n.progress()));
                    err.println("writer: " + writer.writer().applied() + " records stored; "
                            + workspace.store().counts().describe());
                    err.flush();
                }
                // what the nodes handed to Kafka reaches the store before the demo goes on (bounded)
                long settle = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < settle && writer.writer().applied()
                        < nodes.stream().mapToLong(n -> n.node().published()).sum()) {
                    Thread.sleep(50); // polling the counters
                }
            } finally {
                nodes.forEach(ClusterNode::close);
            }
            java.util.Set<org.sweetie.core.Network> used = networks.stream().map(SandboxNetwork::network)
                    .collect(java.util.stream.Collectors.toSet());
            out.println("Cluster session captured:");
            out.print(LiveSummary.of(workspace.store(), used, org.sweetie.analysis.Analyzer.standard()).table());
            out.println();
        }
    }

    /** The referral packages of everything captured, from an obviously fictional sender. */
    private void referrals(Workspace workspace, PrintWriter out) throws IOException {
        Path folder = data.resolve("referrals");
        deleteTree(folder); // the demo's own folder: a package of an earlier run must not mix in
        java.time.Instant now = java.time.Instant.now();
        Sender sender = new Sender(DEMO_ORGANISATION, "demo@example.org", "DEMO-" + java.time.LocalDate.ofInstant(now,
                ZoneOffset.UTC).toString().replace("-", ""), now);
        Referrals.Outcome outcome = ReferralsCommand.refer(workspace, new Referrals.Settings(sender,
                new Routing(Routing.DEFAULT_MIN_CONFIDENCE), Level.ANONYMOUS, null), folder);
        out.println();
        out.println("Referral packages from \"" + DEMO_ORGANISATION + "\": " + outcome.referred().size()
                + " suspects referred in " + outcome.folders() + " folder(s) under " + folder + "; all "
                + outcome.bundles().size() + " bundles verify. Open " + folder + "/<country>/index.html in a browser.");
        out.print(outcome.summary());
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var walk = Files.walk(folder)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String verify(Path bundle) throws IOException {
        try {
            return BundleVerifier.verify(bundle).summary();
        } catch (BundleVerifier.BundleException e) {
            throw new IllegalStateException("the demo's own bundle does not verify: " + e.getMessage(), e);
        }
    }

    private static void copySamples(Path target) throws IOException {
        for (String name : resource("demo/index.txt").lines().toList()) {
            Path file = target.resolve(name);
            Files.createDirectories(file.getParent());
            try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
                if (in == null) {
                    throw new IOException("demo sample missing from the build: " + name);
                }
                Files.copy(in, file);
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
