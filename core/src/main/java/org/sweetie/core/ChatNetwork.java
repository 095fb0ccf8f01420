package org.sweetie.core;

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

    /** Leaves the network for good; no further deliveries once this returns. */
    @Override
    void close();
}
