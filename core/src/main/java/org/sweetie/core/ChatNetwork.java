package org.sweetie.core;

import java.util.function.Consumer;

/**
 * One persona's presence on one chat network: a connection that joins the deployment's rooms and reports what
 * happens there. Implementations reconnect on their own after a disconnect, and refuse file transfers and other
 * offers in the protocol layer; nothing a partner sends is ever fetched.
 *
 * <p>Sending is for the entrapment guard's path only: {@link #send} is called by the one outlet the guarded sender
 * uses, and an architecture test keeps every other class away from it.
 */
public interface ChatNetwork extends AutoCloseable {

    Network network();

    /** The persona this connection speaks for. */
    Persona persona();

    /**
     * Connects and starts reporting to the inbox; returns once the first connection attempt has been made (a failed
     * attempt is retried in the background, with backoff).
     */
    void start(Inbox inbox);

    /**
     * Says a line to a partner (by the nick or JID they use now), in private or in a channel. Only the guarded path
     * calls this; see the class comment.
     */
    void send(String partner, String channel, String text);

    /**
     * Where the connection tells an operator of its state, one line per change: connected, or down with the cause
     * and when it retries (e.g. {@code irc network 'x' (127.0.0.1:6699): connection refused; retrying in 5 s}).
     * Set before {@link #start}. Connections that have nothing to tell (in-process ones) ignore it.
     */
    default void onStatus(Consumer<String> line) {
    }

    /**
     * Whether the connection has been up at least once since {@link #start}: a run in which no connection ever was
     * has captured nothing and must not pass for one that did. Connections that cannot fail (in-process ones), or
     * do not track it yet, say true.
     */
    default boolean everConnected() {
        return true;
    }

    /** Whether the connection is up now (for health checks); by default, whether it ever was. */
    default boolean connected() {
        return everConnected();
    }

    /** Leaves the network for good; no further deliveries once this returns. */
    @Override
    void close();
}
