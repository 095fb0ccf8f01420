package org.sweetie.core;

/**
 * One persona's presence on one chat network: a connection that joins the deployment's rooms and reports what
 * happens there. Implementations reconnect on their own after a disconnect, and refuse file transfers and other
 * offers in the protocol layer; nothing a partner sends is ever fetched.
 *
 * <p>The interface has no way to send a message: outgoing lines pass the entrapment guard, which owns that path.
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

    /** Leaves the network for good; no further deliveries once this returns. */
    @Override
    void close();
}
