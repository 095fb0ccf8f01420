package org.sweetie.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweetie.capture.live.config.Deployment;
import org.sweetie.capture.live.config.DeploymentLoader;
import org.sweetie.capture.live.config.PersonaDeployment;
import org.sweetie.pipeline.Topics;
import org.sweetie.store.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Stores what a deployment's capture nodes publish to Kafka. */
@Command(name = "writer", mixinStandardHelpOptions = true,
        description = {"Reads what the capture nodes (sweetie run --node) publish to Kafka and stores it in batches "
                + "(analysed, in the evidence log), committing its Kafka offsets only after the store's commit, so "
                + "nothing is lost or stored twice across crashes. With --config, the deployment's voiced personas "
                + "answer through the entrapment guard; their lines go to the node holding the connection.",
            "Runs until Ctrl-C or --for."})
final class WriterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--kafka", required = true, paramLabel = "BOOTSTRAP",
            description = "The Kafka brokers, HOST:PORT[,HOST:PORT...].")
    String bootstrap;

    @Option(names = "--topic-prefix", defaultValue = "sweetie.", paramLabel = "PREFIX",
            description = "The deployment's topic_prefix (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The deployment file: its voiced personas' responders run here, beside the store.")
    Path config;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long, like 30s or 2h.")
    Duration duration;

    @Option(names = "--summary-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds between the summary lines on stderr (default: ${DEFAULT-VALUE}).")
    long every;

    @Override
    public Integer call() throws Exception {
        List<PersonaDeployment> voiced = List.of();
        if (config != null) {
            Deployment deployment = new DeploymentLoader(System.getenv()).load(config);
            voiced = deployment.personas().stream().filter(p -> p.responding().enabled()).toList();
        }
        PrintWriter err = spec.commandLine().getErr();
        Topics topics = new Topics(bootstrap, prefix);
        // Ctrl-C waits for the batch in hand to reach the store
        try (Stopping stopping = new Stopping(Duration.ofMinutes(1));
             RunLock claim = RunLock.claim(storeOptions.location, "writer"); Workspace workspace = storeOptions.open();
             ClusterWriter writer = new ClusterWriter(workspace, topics, voiced, err)) {
            err.println("sweetie writer: reading " + topics.inbound() + " at " + bootstrap + " into "
                    + storeOptions.location);
            err.flush();
            stopping.runFor(duration, Duration.ofSeconds(every), () -> false, () -> {
                err.println("sweetie writer: " + writer.writer().applied() + " records stored, "
                        + writer.writer().committedBatches() + " batches committed; "
                        + workspace.store().counts().describe());
                err.flush();
            });
        }
        return 0;
    }
}
