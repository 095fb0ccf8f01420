package org.sweetie.capture.live.config;

import java.util.ArrayList;
import java.util.List;
import org.sweetie.capture.live.irc.IrcNetwork;
import org.sweetie.capture.live.sandbox.Crowd;
import org.sweetie.capture.live.sandbox.SandboxNetwork;
import org.sweetie.capture.live.xmpp.XmppNetwork;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Persona;

/** One persona and the networks it is deployed on. */
public record PersonaDeployment(Persona persona, Cover cover, OperatingHours hours, Responding responding,
                                List<IrcNetwork.Settings> irc, List<XmppNetwork.Settings> xmpp,
                                List<SandboxNetwork.Settings> sandbox) {

    /** Cover facts the bot's lines use beyond the persona record: the name she gives, her town, her school grade. */
    public record Cover(String name, String city, int grade) {
    }

    /**
     * Whether and how the bot answers (the responder): mode off (capture only), warn, handover or identify; how long
     * after a warning a partner who writes again counts as returned; human-like typing or instant.
     */
    public record Responding(String mode, java.time.Duration returnAfter, boolean humanTyping) {
        public static final Responding OFF = new Responding("off", java.time.Duration.ofMinutes(30), true);

        public boolean enabled() {
            return !mode.equals("off");
        }
    }

    public PersonaDeployment {
        irc = List.copyOf(irc);
        xmpp = List.copyOf(xmpp);
        sandbox = List.copyOf(sandbox);
    }

    /** A connection per network, not started. */
    public List<ChatNetwork> connections(Crowd crowd) {
        List<ChatNetwork> connections = new ArrayList<>();
        irc.forEach(s -> connections.add(new IrcNetwork(persona, s)));
        xmpp.forEach(s -> connections.add(new XmppNetwork(persona, s)));
        sandbox.forEach(s -> connections.add(new SandboxNetwork(persona, s, crowd)));
        return connections;
    }
}
