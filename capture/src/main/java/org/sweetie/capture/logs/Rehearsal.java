package org.sweetie.capture.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.sweetie.core.Account;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.Event;
import org.sweetie.core.Message;
import org.sweetie.core.Network;

/** The import of one file in a dry run: nothing is stored, what would be is counted per conversation. */
final class Rehearsal implements Destination {
    private final ToLongFunction<ConversationKey> idOf;
    private final Map<ConversationKey, Counts> conversations = new LinkedHashMap<>();
    private final Map<String, Set<String>> names = new HashMap<>();

    private static final class Counts {
        final Conversation conversation;
        Instant first;
        Instant last;
        long persona;
        long partner;
        long events;

        Counts(Conversation conversation) {
            this.conversation = conversation;
        }

        void at(Instant time) {
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
        }
    }

    /**
     * @param idOf the id of a conversation already in the store, else one below 0 that stands for the conversation
     *        throughout the dry run
     */
    Rehearsal(ToLongFunction<ConversationKey> idOf) {
        this.idOf = idOf;
    }

    @Override
    public Conversation conversation(ConversationKey key) {
        return conversations.computeIfAbsent(key, k -> new Counts(new Conversation(idOf.applyAsLong(k), k)))
                .conversation;
    }

    @Override
    public void sawAccount(Network network, String handle, String name, String host) {
        names.computeIfAbsent(network.name() + '\0' + Account.handleOf(handle), h -> new LinkedHashSet<>()).add(name);
    }

    @Override
    public boolean add(Conversation conversation, Message message) {
        Counts counts = conversations.get(conversation.key());
        counts.at(message.time());
        if (message.author().isPersona()) {
            counts.persona++;
        } else {
            counts.partner++;
        }
        return true;
    }

    @Override
    public boolean record(Conversation conversation, Event event) {
        Counts counts = conversations.get(conversation.key());
        counts.at(event.time());
        counts.events++;
        return true;
    }

    @Override
    public void commit(LogLines lines) {
        // a dry run stores nothing
    }

    @Override
    public void close() {
    }

    List<FilePlan.ConversationPlan> conversations() {
        List<FilePlan.ConversationPlan> plans = new ArrayList<>();
        for (Counts c : conversations.values()) {
            ConversationKey key = c.conversation.key();
            plans.add(new FilePlan.ConversationPlan(key.network(), key.channel(), key.partnerAccount(),
                    Math.max(0, c.conversation.id()), List.copyOf(namesOf(key.network(), key.partnerAccount())),
                    List.copyOf(namesOf(key.network(), key.personaAccount())), c.first, c.last, c.persona,
                    c.partner, c.events));
        }
        return plans;
    }

    private Set<String> namesOf(Network network, String handle) {
        return names.getOrDefault(network.name() + '\0' + handle, Set.of());
    }
}
