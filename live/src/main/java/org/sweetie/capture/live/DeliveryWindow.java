package org.sweetie.capture.live;

import org.sweetie.core.Inbound;
import org.sweetie.core.Inbox;

/**
 * How many of a connection's deliveries may wait for the store at once. Within the window the store can commit many
 * together; beyond it the connection's reader waits, so it stops reading from its socket and the server holds the
 * rest (backpressure instead of an unbounded queue).
 */
public final class DeliveryWindow {
    private static final System.Logger LOG = System.getLogger(DeliveryWindow.class.getName());
    private final java.util.concurrent.Semaphore places;

    public DeliveryWindow(int size) {
        this.places = new java.util.concurrent.Semaphore(size);
    }

    /** Delivers, after waiting for a place in the window when it is full. */
    public void deliver(Inbox inbox, Inbound inbound) {
        try {
            places.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        inbox.deliver(inbound).whenComplete((ok, failure) -> {
            places.release();
            if (failure != null) {
                // IRC and XMPP cannot be asked again: say what is lost, where and why (never the text, which is
                // sealed in the store and must not reach a plain log)
                String what = switch (inbound) {
                    case Inbound.Said said -> "a line";
                    case Inbound.Happened happened -> "an event (" + happened.kind() + ")";
                    case Inbound.NickChanged changed -> "a nick change";
                };
                // the nick is the partner's own text: shown, never obeyed by a terminal
                LOG.log(System.Logger.Level.ERROR, what + " from " + org.sweetie.core.Printable.of(inbound.partner())
                        + " at " + inbound.time() + " could not be stored: " + failure.getMessage());
            }
        });
    }
}
