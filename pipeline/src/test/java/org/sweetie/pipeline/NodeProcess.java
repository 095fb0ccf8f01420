package org.sweetie.pipeline;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.sweetie.capture.live.irc.IrcNetwork;
import org.sweetie.core.Persona;

/**
 * A capture node in its own JVM, for the test that kills it with SIGKILL: args BOOTSTRAP TOPIC_PREFIX NODE IRC_PORT.
 * Its persona is Sweetie10 on ngircd.
 */
public final class NodeProcess {
    private NodeProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        CaptureNode node = new CaptureNode(args[2], new Topics(args[0], args[1]));
        Persona persona = new Persona("sweetie", List.of("Sweetie10"), 10, "PH", List.of("en"), "");
        IrcNetwork network = new IrcNetwork(persona, new IrcNetwork.Settings("testnet", "127.0.0.1",
                Integer.parseInt(args[3]), false, null, null, null, List.of(), "sweetie", "Sweetie",
                "HexChat 2.16.1 / Linux"));
        network.start(node.inboxFor(network));
        System.out.println("node started");
        new CountDownLatch(1).await(); // until killed
    }
}
