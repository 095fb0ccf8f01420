package org.sweetie.capture.live.irc;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.element.User;
import org.kitteh.irc.client.library.element.WhoisData;
import org.kitteh.irc.client.library.event.channel.ChannelCtcpEvent;
import org.kitteh.irc.client.library.event.channel.ChannelJoinEvent;
import org.kitteh.irc.client.library.event.channel.ChannelMessageEvent;
import org.kitteh.irc.client.library.event.channel.ChannelPartEvent;
import org.kitteh.irc.client.library.event.client.ClientNegotiationCompleteEvent;
import org.kitteh.irc.client.library.event.client.ClientReceiveCommandEvent;
import org.kitteh.irc.client.library.event.client.NickRejectedEvent;
import org.kitteh.irc.client.library.event.connection.ClientConnectionClosedEvent;
import org.kitteh.irc.client.library.event.connection.ClientConnectionEndedEvent;
import org.kitteh.irc.client.library.event.user.PrivateCtcpQueryEvent;
import org.kitteh.irc.client.library.event.user.PrivateCtcpReplyEvent;
import org.kitteh.irc.client.library.event.user.PrivateMessageEvent;
import org.kitteh.irc.client.library.event.user.PrivateNoticeEvent;
import org.kitteh.irc.client.library.event.user.UserQuitEvent;
import org.kitteh.irc.client.library.event.user.WhoisEvent;
import org.kitteh.irc.client.library.exception.KittehConnectionException;
import org.kitteh.irc.client.library.exception.KittehNagException;
import org.kitteh.irc.client.library.feature.auth.SaslPlain;
import org.sweetie.capture.live.Backoff;
import org.sweetie.capture.live.DeliveryWindow;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.EventKind;
import org.sweetie.core.Inbound;
import org.sweetie.core.Inbox;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;

/**
 * A persona on an IRC network, through the Kitteh IRC Client Library. It joins the configured channels, captures
 * private messages and channel lines that name the persona (a {@code /me} action stored as {@code /me <action>}, the
 * form imported logs use), joins, parts, quits and nick changes of the partners it has talked to, asks each new
 * private partner's WHOIS and client VERSION once per connection, and reconnects with backoff and rejoins. Each
 * change of the connection (connected; down, why, and when it retries) is one status line, never a stack trace.
 *
 * <p>Safety: a DCC offer (SEND, CHAT, anything) is recorded as refused and never answered or connected to; CTCP
 * queries get the persona's cover client as VERSION, a PING echo, and nothing else (no TIME, no USERINFO, no
 * CLIENTINFO), so the client reveals nothing beyond the cover. KICL's own sending queue paces what goes out, which
 * keeps within server flood limits.
 */
public final class IrcNetwork implements ChatNetwork {
    /** How many delivered lines may wait for the store before the connection stops reading (backpressure). */
    // 512, not 64: with thousands of partners on one connection (10,000 send 2,000 lines/s) a window of 64 made
    // batches of 64, each paying a commit and its fsync; it is also what a kill -9 can lose of lines read and not
    // yet stored (IRC has no acknowledgement)
    public static final int IN_FLIGHT = 512;
    private static final System.Logger LOG = System.getLogger(IrcNetwork.class.getName());

    private final Network network;
    private final Persona persona;
    private final Settings settings;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2));
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final DeliveryWindow window = new DeliveryWindow(IN_FLIGHT);
    private volatile Pattern mention;
    private volatile boolean closed;
    private volatile boolean everConnected;
    private volatile boolean up;
    private volatile Consumer<String> status = line -> LOG.log(System.Logger.Level.INFO, line);
    private Client client;
    private Inbox inbox;

    /**
     * @param password the server password, or null
     * @param saslUser SASL PLAIN account, or null for none
     * @param clientVersion what the persona's client answers to CTCP VERSION (its cover)
     */
    public record Settings(String name, String host, int port, boolean tls, String password, String saslUser,
                           String saslPassword, List<String> channels, String user, String realName,
                           String clientVersion) {
        public Settings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(host, "host");
            channels = List.copyOf(channels);
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(realName, "realName");
            Objects.requireNonNull(clientVersion, "clientVersion");
        }
    }

    public IrcNetwork(Persona persona, Settings settings) {
        this.network = Network.irc(settings.name());
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
    public void start(Inbox target) {
        this.inbox = target;
        String nick = persona.nicknames().getFirst();
        mention = mentionOf(nick);
        client = Client.builder()
                .name(network.name() + "/" + persona.handle())
                .nick(nick)
                .user(settings.user())
                .realName(settings.realName())
                .server().host(settings.host())
                .port(settings.port(), settings.tls() ? Client.Builder.Server.SecurityType.SECURE
                        : Client.Builder.Server.SecurityType.INSECURE)
                .password(settings.password())
                .then()
                .listeners().exception(this::problem).then()
                .build();
        if (settings.saslUser() != null) {
            client.getAuthManager().addProtocol(new SaslPlain(client, settings.saslUser(), settings.saslPassword()));
        }
        client.getEventManager().registerEventListener(this);
        client.connect();
    }

    /** The nick the persona has now on this network (it may differ from the first when that one was taken). */
    public String nick() {
        return client == null ? persona.nicknames().getFirst() : client.getNick();
    }

    @Override
    public void send(String partner, String channel, String text) {
        // KICL's sending queue paces the line within the server's flood limits
        client.sendMessage(channel != null ? channel : partner, text);
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
        return up;
    }

    @Override
    public void close() {
        closed = true;
        if (client != null) {
            client.shutdown("bye");
        }
    }

    @Handler
    public void connected(ClientNegotiationCompleteEvent event) {
        backoff.reset();
        everConnected = true;
        up = true;
        status.accept(where() + ": connected as " + client.getNick());
        asked.clear();
        mention = mentionOf(client.getNick());
        // Joined here on every connection: KICL 9 does not rejoin its channels after a reconnect.
        if (!settings.channels().isEmpty()) {
            client.sendRawLine("JOIN " + String.join(",", settings.channels()));
        }
    }

    @Handler
    public void disconnected(ClientConnectionEndedEvent event) {
        up = false;
        if (closed) {
            event.setAttemptReconnect(false);
            return;
        }
        Duration delay = backoff.next();
        event.setAttemptReconnect(true);
        event.setReconnectionDelay((int) delay.toMillis());
        long seconds = Math.max(1, Math.round(delay.toMillis() / 1000.0));
        status.accept(where() + ": " + why(event) + "; retrying in " + seconds + " s");
    }

    /** The network as an operator knows it: its name in the deployment file and where it is. */
    private String where() {
        return "irc network '" + network.name() + "' (" + settings.host() + ":" + settings.port() + ")";
    }

    /** Why a connection ended, in words: the operator's next step differs for a refused port and a bad host. */
    private static String why(ClientConnectionEndedEvent event) {
        Throwable cause = event.getCause().orElse(null);
        if (cause == null) {
            return "disconnected" + reason(serverError(event));
        }
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return switch (cause) {
            case UnknownHostException u -> "unknown host";
            case ConnectException c when String.valueOf(c.getMessage()).contains("refused") -> "connection refused";
            case SSLException s -> "TLS failed: " + s.getMessage();
            default -> cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        };
    }

    /** The server's ERROR line, which says why it closed the link; any other last line says nothing. */
    private static String serverError(ClientConnectionEndedEvent event) {
        String last = event instanceof ClientConnectionClosedEvent closedEvent
                ? closedEvent.getLastMessage().orElse("") : "";
        return last.startsWith("ERROR ") ? last.substring(6).replaceFirst("^:", "") : "";
    }

    @Handler
    public void nickTaken(NickRejectedEvent event) {
        // The next of the persona's nicknames, else the first with a suffix (a ghost of ours may hold it a while).
        List<String> nicks = persona.nicknames();
        int at = nicks.indexOf(event.getAttemptedNick());
        event.setNewNick(at >= 0 && at + 1 < nicks.size() ? nicks.get(at + 1) : event.getAttemptedNick() + "_");
    }

    @Handler
    public void privateMessage(PrivateMessageEvent event) {
        User from = event.getActor();
        deliver(new Inbound.Said(Instant.now(), from.getNick(), null, event.getMessage(), hostOf(from),
                event.getSource().getMessage(), null));
        askAbout(from.getNick());
    }

    @Handler
    public void privateNotice(PrivateNoticeEvent event) {
        if (event.getActor() instanceof User from) {
            deliver(new Inbound.Said(Instant.now(), from.getNick(), null, event.getMessage(), hostOf(from),
                    event.getSource().getMessage(), null));
        }
    }

    @Handler
    public void channelMessage(ChannelMessageEvent event) {
        if (mention.matcher(event.getMessage()).find()) {
            User from = event.getActor();
            deliver(new Inbound.Said(Instant.now(), from.getNick(), event.getChannel().getName(), event.getMessage(),
                    hostOf(from), event.getSource().getMessage(), null));
        }
    }

    @Handler
    public void joined(ChannelJoinEvent event) {
        happened(event.getActor(), event.getChannel().getName(), EventKind.JOIN,
                "joined " + event.getChannel().getName(), event.getSource().getMessage());
    }

    @Handler
    public void parted(ChannelPartEvent event) {
        happened(event.getActor(), event.getChannel().getName(), EventKind.PART,
                "left " + event.getChannel().getName() + reason(event.getMessage()), event.getSource().getMessage());
    }

    @Handler
    public void quit(UserQuitEvent event) {
        happened(event.getActor(), null, EventKind.QUIT, "quit" + reason(event.getMessage()),
                event.getSource().getMessage());
    }

    /**
     * Nick changes from the raw NICK line: KICL reports a change only for users it has fully tracked, and a partner
     * seen only in a channel's names list would otherwise split into two accounts.
     */
    @Handler
    public void command(ClientReceiveCommandEvent event) {
        if (!event.getCommand().equals("NICK") || event.getParameters().isEmpty()) {
            return;
        }
        String prefix = event.getActor().getName();
        int bang = prefix.indexOf('!');
        String oldNick = bang < 0 ? prefix : prefix.substring(0, bang);
        String newNick = event.getParameters().getFirst();
        if (oldNick.equalsIgnoreCase(client.getNick()) || newNick.equalsIgnoreCase(client.getNick())) {
            mention = mentionOf(client.getNick());
            return;
        }
        deliver(new Inbound.NickChanged(Instant.now(), oldNick, newNick, bang < 0 ? null : prefix.substring(bang + 1),
                event.getSource().getMessage()));
    }

    @Handler
    public void ctcpQuery(PrivateCtcpQueryEvent event) {
        String query = event.getMessage();
        String command = query.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        switch (command) {
            case "VERSION" -> event.setReply("VERSION " + settings.clientVersion());
            case "PING" -> { } // KICL echoes the token: harmless, and what every client does
            case "DCC" -> {
                event.setReply(null);
                happened(event.getActor(), null, EventKind.REFUSED_OFFER, "refused, not fetched: " + query,
                        event.getSource().getMessage());
            }
            case "ACTION" -> {
                event.setReply(null);
                User from = event.getActor();
                deliver(new Inbound.Said(Instant.now(), from.getNick(), null, action(query), hostOf(from),
                        event.getSource().getMessage(), null));
                askAbout(from.getNick());
            }
            default -> event.setReply(null);
        }
    }

    /** A channel {@code /me}: captured like a channel line, when it names the persona. */
    @Handler
    public void channelCtcp(ChannelCtcpEvent event) {
        String action = action(event.getMessage());
        if (event.getCommand().equalsIgnoreCase("ACTION") && mention.matcher(action).find()) {
            User from = event.getActor();
            deliver(new Inbound.Said(Instant.now(), from.getNick(), event.getChannel().getName(), action,
                    hostOf(from), event.getSource().getMessage(), null));
        }
    }

    /** "ACTION waves" as "/me waves": the form imported logs use, so a transcript reads the same either way. */
    private static String action(String ctcp) {
        int space = ctcp.indexOf(' ');
        return "/me " + (space < 0 ? "" : ctcp.substring(space + 1));
    }

    @Handler
    public void ctcpReply(PrivateCtcpReplyEvent event) {
        String reply = event.getMessage();
        if (reply.toUpperCase(Locale.ROOT).startsWith("VERSION ")) {
            happened(event.getActor(), null, EventKind.CLIENT_VERSION, "client: " + reply.substring(8),
                    event.getSource().getMessage());
        }
    }

    @Handler
    public void whois(WhoisEvent event) {
        WhoisData data = event.getWhoisData();
        if (data.getHost() == null) {
            return; // "no such nick": the partner left or changed nick before the reply
        }
        StringBuilder detail = new StringBuilder("whois " + data.getNick() + " " + data.getUserString() + "@"
                + data.getHost());
        data.getRealName().ifPresent(r -> detail.append("; real name: ").append(r));
        data.getServer().ifPresent(s -> detail.append("; server: ").append(s));
        data.getServerDescription().ifPresent(s -> detail.append(" (").append(s).append(')'));
        if (!data.getChannels().isEmpty()) {
            detail.append("; channels: ").append(String.join(" ", data.getChannels()));
        }
        data.getAccount().ifPresent(a -> detail.append("; account: ").append(a));
        data.getIdleTime().ifPresent(s -> detail.append("; idle: ").append(s).append('s'));
        data.getSignOnTime().ifPresent(t -> detail.append("; signed on: ").append(Instant.ofEpochSecond(t)));
        data.getOperatorInformation().ifPresent(o -> detail.append("; operator: ").append(o));
        deliver(new Inbound.Happened(Instant.now(), data.getNick(), null, EventKind.WHOIS, detail.toString(),
                hostOf(data), null));
    }

    private void askAbout(String nick) {
        if (asked.add(nick.toLowerCase(Locale.ROOT))) {
            client.commands().whois().target(nick).execute();
            client.sendCtcpMessage(nick, "VERSION");
        }
    }

    private void happened(Object actor, String channel, EventKind kind, String detail, String raw) {
        if (actor instanceof User user && !client.isUser(user)) {
            deliver(new Inbound.Happened(Instant.now(), user.getNick(), channel, kind, detail, hostOf(user), raw));
        }
    }

    /** Hands a happening to the capture pipeline, within the connection's delivery window. */
    private void deliver(Inbound inbound) {
        window.deliver(inbox, inbound);
    }

    private void problem(Exception e) {
        if (e instanceof KittehNagException || e instanceof KittehConnectionException) {
            // KICL's advice (e.g. "connection is insecure") is no fault; a connection failure is told once, as a
            // status line when the connection ends
            return;
        }
        // one line: KICL's messages may quote the raw line on a line of their own
        String message = String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
        LOG.log(System.Logger.Level.WARNING, where() + ": " + message);
        LOG.log(System.Logger.Level.DEBUG, where(), e); // the trace, for whoever turns the log level up
    }

    private static String hostOf(User user) {
        return user.getUserString() + "@" + user.getHost();
    }

    private static String reason(String message) {
        return message == null || message.isBlank() ? "" : ": " + message;
    }

    private static Pattern mentionOf(String nick) {
        return Pattern.compile("(?i)(?<![\\w\\[\\]\\\\^{}|`-])" + Pattern.quote(nick) + "(?![\\w\\[\\]\\\\^{}|`-])");
    }

    /** For tests and diagnostics: the raw lines this client sends. */
    public void onOutput(Consumer<String> listener) {
        client.setOutputListener(listener);
    }

    /** For tests and diagnostics: the raw lines this client reads. */
    public void onInput(Consumer<String> listener) {
        client.setInputListener(listener);
    }
}
