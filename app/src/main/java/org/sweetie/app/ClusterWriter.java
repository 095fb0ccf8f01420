package org.sweetie.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.sweetie.analysis.Analyzer;
import org.sweetie.capture.live.Capture;
import org.sweetie.capture.live.config.PersonaDeployment;
import org.sweetie.persona.HoldQueue;
import org.sweetie.persona.Responder;
import org.sweetie.pipeline.KafkaOutlet;
import org.sweetie.pipeline.PipelineTopics;
import org.sweetie.pipeline.Topics;
import org.sweetie.pipeline.Writer;

/**
 * A writer of a deployment with capture nodes: the inbound topic stored into the workspace (analysed, in the evidence
 * log) through one capture pipeline; the voiced personas' responders hear what is stored and answer through the one
 * guarded sender, whose outlet publishes to the outbound topic for the node holding the connection.
 */
final class ClusterWriter implements AutoCloseable {
    private final Workspace workspace;
    private final Capture capture;
    private final Writer writer;
    private final KafkaOutlet outlet;
    private final List<Responder> responders = new ArrayList<>();

    ClusterWriter(Workspace workspace, Topics topics, List<PersonaDeployment> voiced, PrintWriter progress) {
        this.workspace = workspace;
        PipelineTopics.ensure(topics);
        this.capture = new Capture(workspace.store());
        this.outlet = voiced.isEmpty() ? null : new KafkaOutlet(topics, "sweetie-writer-voices");
        Analyzer analyzer = Analyzer.standard();
        HoldQueue holds = new HoldQueue();
        for (PersonaDeployment deployment : voiced) {
            Voice voice = Voice.of(deployment, workspace, outlet, analyzer, Clock.systemUTC(), holds);
            responders.add(voice.responder());
            capture.addListener((network, conversation, message) -> voice.responder().heard(conversation, message));
        }
        this.writer = new Writer(topics, capture, workspace.store()).onStatus(line -> {
            synchronized (progress) {
                progress.println("sweetie writer: " + org.sweetie.core.Printable.of(line));
                progress.flush();
            }
        }).start();
    }

    Capture capture() {
        return capture;
    }

    Writer writer() {
        return writer;
    }

    /** Stops reading after the batch in hand, lets the capture store what it holds, and signs a checkpoint. */
    @Override
    public void close() {
        writer.close();
        if (outlet != null) {
            outlet.close();
        }
        capture.close();
        workspace.evidence().checkpoint();
    }
}
