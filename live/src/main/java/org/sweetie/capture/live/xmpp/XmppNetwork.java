package org.sweetie.capture.live.xmpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.delay.DelayInformationManager;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.sweetie.capture.live.DeliveryWindow;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.EventKind;
import org.sweetie.core.Inbound;
import org.sweetie.core.Inbox;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Protocol;

/**
 * A persona on an XMPP server, through Smack. It captures one-to-one messages (the partner is the bare JID; the full
 * JID with resource is kept as the host), room messages that name the persona (the partner is the room JID with the
 * occupant's nick), presence of partners it has talked to, and each new partner's client version (XEP-0092).
 * Smack reconnects with increasing delays and rejoins the rooms; rooms are entered without history. A message is
 * stored once however often it is delivered (offline storage, a resumed stream, a client resending) when the
 * deliveries are provably the same ({@link #sourceId}); a line the server kept carries its delay stamp, when the
 * partner sent it, beside the time it was received.
 *
 * <p>Safety: out-of-band data (XEP-0066), stream-initiation and Jingle file offers are recorded as refused and
 * never fetched (Smack answers the offers with an error); a link in a message body is text. Contact requests are
 * neither accepted nor answered. The client identifies itself with the persona's cover client.
 */
public final class XmppNetwork implements ChatNetwork {
    private static final int IN_FLIGHT = 64;
    private static final System.Logger LOG = System.getLogger(XmppNetwork.class.getName());
    private static final Set<String> FILE_OFFERS = Set.of("http://jabber.org/protocol/si", "urn:xmpp:jingle:1");

    private final Network network;
    private final Persona persona;
    private final Settings settings;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final DeliveryWindow window = new DeliveryWindow(IN_FLIGHT);
    private final Pattern mention;
    private AbstractXMPPConnection connection;
    private Inbox inbox;
    private volatile boolean closed;
    private volatile boolean everConnected;
    private volatile Consumer<String> status = line -> LOG.log(System.Logger.Level.INFO, line);

    /**
     * @param host the server to connect to, or null to use the JID's domain
     * @param rooms multi-user chat rooms to join (bare room JIDs)
     * @param clientVersion the cover client, as "Name Version" (e.g. "Conversations 2.16")
     */
    public record Settings(String name, String jid, String password, String host, int port, boolean tls,
                           List<String> rooms, String clientVersion) {
        public Settings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(password, "password");
            rooms = List.copyOf(rooms);
            Objects.requireNonNull(clientVersion, "clientVersion");
        }
    }

    public XmppNetwork(Persona persona, Settings settings) {
        this.network = new Network(settings.name(), Protocol.XMPP);
        this.persona = persona;
        this.settings = settings;
        this.mention = Pattern.compile("(?i)(?<![\\w])(?:" + String.join("|",
                persona.nicknames().stream().map(Pattern::quote).toList()) + ")(?![\\w])");
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
    public void start(Inbox target) {
        this.inbox = target;
        try {
            XMPPTCPConnectionConfiguration.Builder config = XMPPTCPConnectionConfiguration.builder()
                    .setXmppAddressAndPassword(settings.jid(), settings.password())
                    .setResource(persona.nicknames().getFirst())
                    .setPort(settings.port())
                    .setSecurityMode(settings.tls() ? ConnectionConfiguration.SecurityMode.required
                            : ConnectionConfiguration.SecurityMode.disabled);
            if (settings.host() != null) {
                config.setHost(settings.host());
            }
            connection = new XMPPTCPConnection(config.build());
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException(network.name() + ": not a valid JID: " + settings.jid(), e);
        }
        cover();
        Roster.getInstanceFor(connection).setSubscriptionMode(Roster.SubscriptionMode.manual);
        connection.addSyncStanzaListener(this::message, StanzaTypeFilter.MESSAGE);
        connection.addSyncStanzaListener(this::presence, StanzaTypeFilter.PRESENCE);
        connection.addSyncStanzaListener(this::iq, StanzaTypeFilter.IQ);
        ReconnectionManager reconnection = ReconnectionManager.getInstanceFor(connection);
        reconnection.setReconnectionPolicy(ReconnectionManager.ReconnectionPolicy.RANDOM_INCREASING_DELAY);
        reconnection.enableAutomaticReconnection();
        reconnection.addReconnectionListener(new StatusLines());
        connection.addConnectionListener(new StatusLines());
        MultiUserChatManager.getInstanceFor(connection).setAutoJoinOnReconnect(true);
        Thread.ofVirtual().name("xmpp-connect-" + network.name()).start(this::connectUntilUp);
    }

    /** What the client says of itself: the persona's cover client, never Smack. */
    private void cover() {
        String[] client = settings.clientVersion().split(" ", 2);
        // Smack would add "(Smack 4.4.8)" to the name it gives: a giveaway. The switch is JVM-wide in Smack.
        VersionManager.setAutoAppendSmackVersion(false);
        VersionManager.getInstanceFor(connection).setVersion(client[0], client.length > 1 ? client[1] : "");
        ServiceDiscoveryManager.getInstanceFor(connection).setIdentity(
                new DiscoverInfo.Identity("client", client[0], "phone"));
    }

    /** The first connection; later ones are the ReconnectionManager's. */
    private void connectUntilUp() {
        long delay = 1_000;
        while (!closed) {
            try {
                // a login refused after the connection opened leaves it open: connect() again would only refuse
                if (!connection.isConnected()) {
                    connection.connect();
                }
                connection.login();
                break;
            } catch (SmackException | IOException | XMPPException e) {
                status.accept(where() + ": " + why(e) + "; retrying in " + delay / 1000 + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(delay); // backoff before the next attempt
            } catch (InterruptedException e) {
                return;
            }
            delay = Math.min(delay * 2, 120_000);
        }
        if (!closed) {
            settings.rooms().forEach(this::join);
        }
    }

    private void join(String room) {
        try {
            MultiUserChat chat = MultiUserChatManager.getInstanceFor(connection)
                    .getMultiUserChat(JidCreate.entityBareFrom(room));
            // no history: messages said before the persona came in would arrive again on every rejoin
            MultiUserChat.MucCreateConfigFormHandle created = chat.createOrJoin(
                    chat.getEnterConfigurationBuilder(Resourcepart.from(persona.nicknames().getFirst()))
                            .requestNoHistory().build());
            if (created != null) {
                created.makeInstant(); // the room did not exist (a test server): open it as it is
            }
        } catch (SmackException | XMPPException | IOException e) {
            status.accept(where() + ": cannot join " + room + ": " + why(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void message(Stanza stanza) {
        Message message = (Message) stanza;
        Jid from = message.getFrom();
        if (from == null) {
            return;
        }
        Instant now = Instant.now();
        ExtensionElement oob = message.getExtensionElement("x", "jabber:x:oob");
        if (message.getType() == Message.Type.groupchat) {
            roomMessage(message, from, oob, now);
            return;
        }
        String partner = from.asBareJid().toString();
        if (oob != null) {
            deliver(new Inbound.Happened(now, partner, null, EventKind.REFUSED_OFFER,
                    "refused, not fetched: out-of-band data " + oob.toXML(), from.toString(), null));
        }
        String body = message.getBody();
        if (body != null && !body.isEmpty()) {
            deliver(new Inbound.Said(now, partner, null, body, from.toString(), message.toXML().toString(),
                    sourceId(message, body), delayStamp(message)));
            askVersion(from);
        }
    }

    private void roomMessage(Message message, Jid from, ExtensionElement oob, Instant now) {
        Resourcepart nick = from.getResourceOrNull();
        String body = message.getBody();
        if (nick == null || body == null || isOwnNick(nick) || !mention.matcher(body).find()) {
            return;
        }
        String room = from.asBareJid().toString();
        deliver(new Inbound.Said(now, room + "/" + nick, room, body, from.toString(), message.toXML().toString(),
                sourceId(message, body), delayStamp(message)));
        if (oob != null) {
            deliver(new Inbound.Happened(now, room + "/" + nick, room, EventKind.REFUSED_OFFER,
                    "refused, not fetched: out-of-band data " + oob.toXML(), from.toString(), null));
        }
    }

    /**
     * What makes a second delivery provably the same message: the same stanza id from the same full JID with the same
     * body. A stanza id alone is not enough: a client that restarts its id counter reuses ids for new lines. Null
     * when the stanza has no id (then nothing is taken for a redelivery).
     */
    static String sourceId(Message message, String body) {
        String id = message.getStanzaId();
        if (id == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return id + " " + message.getFrom() + " sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** When the partner sent a line a server kept for a while (XEP-0203, or the older XEP-0091), else null. */
    private static Instant delayStamp(Message message) {
        DelayInformation delay = DelayInformationManager.getDelayInformation(message);
        return delay == null ? null : delay.getStamp().toInstant();
    }

    private boolean isOwnNick(Resourcepart nick) {
        return persona.isCalled(nick.toString());
    }

    private void presence(Stanza stanza) {
        Presence presence = (Presence) stanza;
        Jid from = presence.getFrom();
        if (from == null || from.asBareJid().toString().equals(settings.jid())) {
            return;
        }
        String detail = switch (presence.getType()) {
            case subscribe -> "asked to add the persona as a contact (not answered)";
            case available -> "available" + (presence.getStatus() == null ? "" : ": " + presence.getStatus());
            case unavailable -> "unavailable";
            default -> presence.getType().name();
        };
        boolean inRoom = presence.getExtensionElement("x", "http://jabber.org/protocol/muc#user") != null;
        // in a room the occupant is the partner (room/nick), as for the room's messages
        String partner = inRoom ? from.toString() : from.asBareJid().toString();
        deliver(new Inbound.Happened(Instant.now(), partner, inRoom ? from.asBareJid().toString() : null,
                EventKind.PRESENCE, detail, from.toString(), null));
    }

    private void iq(Stanza stanza) {
        IQ iq = (IQ) stanza;
        if (iq.getType() == IQ.Type.set && FILE_OFFERS.contains(iq.getChildElementNamespace())
                && iq.getFrom() != null) {
            deliver(new Inbound.Happened(Instant.now(), iq.getFrom().asBareJid().toString(), null,
                    EventKind.REFUSED_OFFER, "refused, not fetched: file offer (" + iq.getChildElementNamespace()
                    + ")", iq.getFrom().toString(), null));
        }
    }

    /** Asks a new partner's client version once, off the stanza thread (it waits for the answer). */
    private void askVersion(Jid from) {
        if (!from.hasResource() || !asked.add(from.toString().toLowerCase(Locale.ROOT))) {
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                Version version = VersionManager.getInstanceFor(connection).getVersion(from);
                if (version != null) {
                    deliver(new Inbound.Happened(Instant.now(), from.asBareJid().toString(), null,
                            EventKind.CLIENT_VERSION, "client: " + version.getName() + " " + version.getVersion()
                            + (version.getOs() == null ? "" : " (" + version.getOs() + ")"), from.toString(), null));
                }
            } catch (SmackException | XMPPException e) {
                // many clients do not answer: nothing to record
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Hands a happening to the capture pipeline, within the connection's delivery window. */
    private void deliver(Inbound inbound) {
        window.deliver(inbox, inbound);
    }

    @Override
    public void send(String partner, String channel, String text) {
        try {
            Jid to = channel != null ? JidCreate.from(channel) : JidCreate.from(partner);
            Message message = connection.getStanzaFactory().buildMessageStanza().to(to)
                    .ofType(channel != null ? Message.Type.groupchat : Message.Type.chat).setBody(text).build();
            connection.sendStanza(message);
        } catch (XmppStringprepException | SmackException.NotConnectedException e) {
            throw new IllegalStateException(network.name() + ": cannot send to " + partner + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One line per change of the connection for the operator (connected, disconnected, retrying in N s): Smack
     * reports them here, its own log would be stack traces.
     */
    private final class StatusLines implements ConnectionListener, ReconnectionListener {
        private volatile boolean counting;

        @Override
        public void authenticated(XMPPConnection c, boolean resumed) {
            everConnected = true;
            status.accept(where() + ": connected as " + c.getUser());
        }

        @Override
        public void connectionClosedOnError(Exception e) {
            status.accept(where() + ": disconnected: " + why(e));
        }

        @Override
        public void reconnectingIn(int seconds) {
            // Smack counts down once a second; the operator needs the first line of each wait, not every second
            if (seconds > 0 && !counting) {
                counting = true;
                status.accept(where() + ": retrying in " + seconds + " s");
            } else if (seconds == 0) {
                counting = false;
            }
        }

        @Override
        public void reconnectionFailed(Exception e) {
            counting = false;
            status.accept(where() + ": reconnection failed: " + why(e));
        }
    }

    /** The network as an operator knows it: its name in the deployment file and where it is. */
    private String where() {
        String at = settings.host() == null ? settings.jid() : settings.host() + ":" + settings.port();
        return "xmpp network '" + network.name() + "' (" + at + ")";
    }

    /** Why a connection failed, in words: the deepest cause, as the operator's next step depends on it. */
    private static String why(Throwable e) {
        if (e instanceof SmackException.EndpointConnectionException failed) {
            // Smack tried each address of the server: what the attempts ran into, not Smack's summary of them
            if (!failed.getConnectionExceptions().isEmpty()) {
                return why(failed.getConnectionExceptions().getFirst().getException());
            }
            return failed.getLookupFailures().isEmpty() ? "cannot connect" : "unknown host";
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof java.net.ConnectException && String.valueOf(cause.getMessage()).contains("refused")) {
            return "connection refused";
        }
        if (cause instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        if (cause instanceof javax.xml.stream.XMLStreamException || cause instanceof java.io.EOFException) {
            return "connection lost (the stream ended mid-way)";
        }
        if (e instanceof org.jivesoftware.smack.sasl.SASLErrorException) {
            return "login refused (check the account and password)";
        }
        String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    @Override
    public void onStatus(Consumer<String> line) {
        this.status = line;
    }

    @Override
    public boolean everConnected() {
        return everConnected;
    }

    @Override
    public boolean connected() {
        return isConnected();
    }

    /** True once logged in (for tests and the status line). */
    public boolean isConnected() {
        return connection != null && connection.isAuthenticated();
    }

    @Override
    public void close() {
        closed = true;
        if (connection != null) {
            ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
            connection.disconnect();
        }
    }
}
