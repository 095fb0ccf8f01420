package org.sweetie.capture.live.xmpp;

import java.util.List;
import java.util.Objects;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Inbox;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Protocol;

/** A persona on an XMPP server, through Smack. */
public final class XmppNetwork implements ChatNetwork {
    private final Network network;
    private final Persona persona;
    private final Settings settings;

    /**
     * @param host the server to connect to, or null to use the JID's domain
     * @param rooms multi-user chat rooms to join (bare room JIDs)
     */
    public record Settings(String name, String jid, String password, String host, int port, boolean tls,
                           List<String> rooms, String clientVersion) {
        public Settings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(password, "password");
            rooms = List.copyOf(rooms);
        }
    }

    public XmppNetwork(Persona persona, Settings settings) {
        this.network = new Network(settings.name(), Protocol.XMPP);
        this.persona = persona;
        this.settings = settings;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public Persona persona() {
        return persona;
    }

    @Override
    public void start(Inbox inbox) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
