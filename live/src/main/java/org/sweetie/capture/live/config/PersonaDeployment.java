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
public record PersonaDeployment(Persona persona, OperatingHours hours, List<IrcNetwork.Settings> irc,
                                List<XmppNetwork.Settings> xmpp, List<SandboxNetwork.Settings> sandbox) {
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
