package org.sweetie.app;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.persona.Decision;
import org.sweetie.persona.GuardedSender;
import org.sweetie.persona.HoldQueue;
import org.sweetie.persona.OperatorDesk;
import org.sweetie.web.LiveDesk;

/**
 * A running deployment's desk for the web console: its personas' operator desks (each line through their guarded
 * sender), its hold queue and its connections. The same operations as the operators' API, on the same objects.
 */
final class DeskPort implements LiveDesk {
    private final ConversationStore store;
    private final Map<String, OperatorDesk> desks;
    private final HoldQueue holds;
    private final List<ChatNetwork> connections;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    DeskPort(ConversationStore store, Map<String, OperatorDesk> desks, HoldQueue holds,
             List<ChatNetwork> connections) {
        this.store = store;
        this.desks = Map.copyOf(desks);
        this.holds = holds;
        this.connections = List.copyOf(connections);
    }

    /** Tells the console a conversation changed: a line stored, said, or its state. */
    void changed(long conversation) {
        listeners.forEach(l -> l.accept(conversation));
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public Set<String> personas() {
        return desks.keySet();
    }

    @Override
    public List<Connection> connections() {
        return connections.stream().map(c -> new Connection(c.persona().handle(), c.network().name(),
                c.connected())).toList();
    }

    @Override
    public void takeOver(long conversation, String operator) {
        Conversation c = conversation(conversation);
        desks.get(c.key().persona()).takeOver(c, operator);
        changed(conversation);
    }

    @Override
    public Said say(long conversation, String operator, String text) {
        Conversation c = conversation(conversation);
        Decision d = desks.get(c.key().persona()).say(c, operator, text);
        changed(conversation);
        return said(d);
    }

    @Override
    public void handBack(long conversation, String operator) {
        Conversation c = conversation(conversation);
        desks.get(c.key().persona()).handBack(c, operator);
        changed(conversation);
    }

    @Override
    public List<Held> held() {
        return holds.waiting().stream().map(h -> new Held(h.id(), h.conversation().id(),
                h.draft().author().operatorId(), h.draft().text(), h.decision().rule(), h.decision().reason(),
                h.at())).toList();
    }

    @Override
    public Said review(long draft, String supervisor, boolean approve, String reason) {
        Long conversation = holds.find(draft).map(h -> h.conversation().id()).orElse(null);
        Decision d = GuardedSender.review(holds, draft, supervisor, approve, reason);
        if (conversation != null) {
            changed(conversation);
        }
        return said(d);
    }

    @Override
    public void listen(LongConsumer changed) {
        listeners.add(changed);
    }

    private Said said(Decision d) {
        return new Said(d.verdict(), d.rule(), d.reason(), holds.idOf(d.draft()).orElse(null));
    }

    private Conversation conversation(long id) {
        return store.findConversation(id).filter(c -> desks.containsKey(c.key().persona()))
                .orElseThrow(() -> new IllegalStateException("conversation #" + id
                        + " is not one of a persona with a voice here"));
    }
}
