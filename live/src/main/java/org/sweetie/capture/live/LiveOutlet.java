package org.sweetie.capture.live;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Conversation;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Outlet;

/**
 * The one place a persona's line leaves Sweetie: said on the conversation's network, then stored through the capture
 * pipeline in order with the partner's lines. Only the guarded sender holds one (an architecture test checks that
 * nothing else calls {@link ChatNetwork#send}).
 */
public final class LiveOutlet implements Outlet {
    private final Map<Network, ChatNetwork> networks;
    private final SaidLines capture;
    private final java.util.function.Consumer<Conversation> said;

    /** Where a line said on a network is stored: the capture pipeline, or a capture node's pipeline to a writer. */
    @FunctionalInterface
    public interface SaidLines {
        /** @return completes once the line is durable (or handed to a pipeline that makes it so) */
        CompletableFuture<Void> said(Conversation conversation, Message line);
    }

    public LiveOutlet(Map<Network, ChatNetwork> networks, Capture capture) {
        this(networks, capture::said, conversation -> { });
    }

    /** @param said told of the conversation once a line said in it is stored (the operators' desk follows it) */
    public LiveOutlet(Map<Network, ChatNetwork> networks, Capture capture,
                      java.util.function.Consumer<Conversation> said) {
        this(networks, capture::said, said);
    }

    /** An outlet whose said lines go to a pipeline instead of a capture in this process (a capture node). */
    public LiveOutlet(Map<Network, ChatNetwork> networks, SaidLines lines) {
        this(networks, lines, conversation -> { });
    }

    private LiveOutlet(Map<Network, ChatNetwork> networks, SaidLines lines,
                       java.util.function.Consumer<Conversation> said) {
        this.networks = Map.copyOf(networks);
        this.capture = lines;
        this.said = said;
    }

    @Override
    public CompletableFuture<Void> send(Conversation conversation, String to, Message line) {
        ChatNetwork network = networks.get(conversation.key().network());
        if (network == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to "
                    + conversation.key().network().name()));
        }
        network.send(to, conversation.key().channel(), line.text());
        return capture.said(conversation, line).whenComplete((stored, failed) -> said.accept(conversation));
    }
}
