package org.sweetie.core;

import java.util.concurrent.CompletableFuture;

/**
 * Where a guarded line leaves Sweetie: it is said on the conversation's network and stored in the conversation, in
 * order with what the partner says. Only the guarded sender uses it.
 */
public interface Outlet {
    /**
     * @param to the partner's name on the wire now (a nick may have changed since the conversation began)
     * @return completes once the line is stored
     */
    CompletableFuture<Void> send(Conversation conversation, String to, Message line);
}
