package org.sweetie.core;

import java.util.concurrent.CompletableFuture;

/**
 * Where a chat network delivers what it receives. Deliveries from one connection are taken in the order they are
 * made, and the returned future completes once the happening is durable (stored, analysed and in the evidence log),
 * or fails when it could not be stored. A connector acknowledges an inbound message to its peer, where the protocol
 * allows it, only after that.
 */
@FunctionalInterface
public interface Inbox {
    CompletableFuture<Void> deliver(Inbound inbound);
}
