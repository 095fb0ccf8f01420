package org.sweetie.capture.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sweetie.core.Author;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Inbound;
import org.sweetie.core.Inbox;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;

/**
 * The capture pipeline: what every connection delivers goes through one queue to one writer, which stores it in
 * batches (one transaction per batch, so a thousand conversations share their commits) in the order received. The
 * store it is given analyses and records evidence as it stores, so the order of the queue is the order of the
 * conversation, of the analysis and of the evidence log. A delivery's future completes once its batch is committed.
 */
public final class Capture implements AutoCloseable {
    /*
     * A batch is what waited while the one before was written, up to this. With thousands of partners each batch
     * writes a page of every index for nearly every conversation in it, so after a burst a larger batch writes each
     * page once for more lines (it was 1,000; bench capture with 10,000 partners caught up after about a minute
     * with 5,000, and an A/B on the cluster bench was within the machine's noise). When the writer keeps up,
     * batches stay small and this changes nothing.
     */
    private static final int MAX_BATCH = 5_000;

    private final ConversationStore store;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Per network and persona: two personas on one network keep their own conversations. */
    private final Map<String, Routes> routes = new HashMap<>();
    private final Thread writer;
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<BatchObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Conversation and source id of the lines in the batch being written (the store checks committed ones). */
    private final Set<String> inBatch = new HashSet<>();
    private volatile boolean closing;
    private volatile boolean writing;

    private record Pending(Network network, Persona persona, Item item, CompletableFuture<Void> stored) {
    }

    /** What the writer stores: what a network reported, or a line the persona said (already past the guard). */
    private sealed interface Item {
    }

    /** @param key what makes a second delivery recognisable (a pipeline's node and sequence), or null */
    private record Received(Inbound inbound, String key) implements Item {
    }

    private record Said(Conversation conversation, Message line) implements Item {
    }

    /** Work on the store between batches (a retention purge): the ids it returns are deleted conversations. */
    private record Maintenance(java.util.function.Supplier<java.util.Collection<Long>> work) implements Item {
    }

    /** Told of every batch once it is committed: how many deliveries it held and how long it took to store. */
    @FunctionalInterface
    public interface BatchObserver {
        void committed(int deliveries, long nanos);
    }

    /** Told of every partner message once it is durable (on the writer thread: hand work off, do not block). */
    @FunctionalInterface
    public interface Listener {
        void stored(Network network, Conversation conversation, Message message);
    }

    public Capture(ConversationStore store) {
        this.store = store;
        this.writer = Thread.ofPlatform().name("sweetie-capture-writer").start(this::writeUntilClosed);
    }

    /** The inbox a connection delivers to. */
    public Inbox inboxFor(ChatNetwork connection) {
        Network network = connection.network();
        Persona persona = store.persona(connection.persona());
        return inbound -> enqueue(network, persona, new Received(inbound, null));
    }

    /**
     * Stores what a network reported elsewhere (a capture node, through a pipeline), under a key that makes a second
     * delivery of it a no-op: the key becomes the source id of the message (unless the line has its own) and of the
     * events it gives, and the store keeps one of each per conversation.
     */
    public CompletableFuture<Void> deliver(Network network, Persona persona, Inbound inbound, String key) {
        return enqueue(network, store.persona(persona), new Received(inbound, key));
    }

    /** Stores a line the persona said, in order with what the partners say. */
    public CompletableFuture<Void> said(Conversation conversation, Message line) {
        return enqueue(conversation.key().network(), null, new Said(conversation, line));
    }

    /**
     * Runs work that deletes conversations (a retention purge) on the writer, between two batches: nothing is being
     * stored meanwhile, and the writer then forgets the deleted conversations, so a partner who comes back gets a
     * new one instead of lines sent to a conversation that is gone.
     */
    public CompletableFuture<Void> deleting(java.util.function.Supplier<java.util.Collection<Long>> work) {
        return enqueue(null, null, new Maintenance(work));
    }

    /** True when nothing waits to be stored (a session waits for this before it stops). */
    public boolean quiet() {
        return queue.isEmpty() && !writing;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void addObserver(BatchObserver observer) {
        observers.add(observer);
    }

    /** How many deliveries wait for the writer. */
    public int waiting() {
        return queue.size();
    }

    private CompletableFuture<Void> enqueue(Network network, Persona persona, Item item) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        if (closing) {
            stored.completeExceptionally(new IllegalStateException("capture is closed"));
        } else {
            queue.add(new Pending(network, persona, item, stored));
        }
        return stored;
    }

    /** Stores what is queued, then stops the writer. Deliveries after this fail. */
    @Override
    public void close() {
        closing = true;
        writer.interrupt();
        try {
            writer.join(Duration.ofMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a delivery that raced with close() is failed, not left waiting
        for (Pending late; (late = queue.poll()) != null; ) {
            late.stored().completeExceptionally(new IllegalStateException("capture is closed"));
        }
    }

    private void writeUntilClosed() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                Pending first = closing ? queue.poll() : queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                // close() wakes the writer; the queue is drained before it ends
                continue;
            }
            writing = true;
            queue.drainTo(batch, MAX_BATCH - 1);
            writeAroundMaintenance(batch);
            batch.clear();
            writing = false;
        }
    }

    /** Stores the lines before a maintenance item, runs it, then goes on: the queue's order holds throughout. */
    private void writeAroundMaintenance(List<Pending> batch) {
        int from = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).item() instanceof Maintenance maintenance) {
                if (i > from) {
                    write(batch.subList(from, i));
                }
                maintain(maintenance, batch.get(i).stored());
                from = i + 1;
            }
        }
        if (from < batch.size()) {
            write(batch.subList(from, batch.size()));
        }
    }

    private void maintain(Maintenance maintenance, CompletableFuture<Void> done) {
        try {
            Set<Long> deleted = Set.copyOf(maintenance.work().get());
            routes.values().forEach(r -> r.forget(deleted));
            done.complete(null);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private void write(List<Pending> batch) {
        long started = System.nanoTime();
        List<Stored> partnerLines = new ArrayList<>();
        inBatch.clear();
        try (ConversationStore.Appender appender = store.appender()) {
            prepare(batch);
            for (Pending pending : batch) {
                switch (pending.item()) {
                    case Received r -> routesOf(pending.network(), pending.persona())
                            .store(appender, r.inbound(), r.key(), partnerLines);
                    case Said s -> appender.add(s.conversation(), s.line());
                    case Maintenance m -> throw new IllegalStateException("maintenance runs between batches");
                }
            }
            appender.commit();
            long took = System.nanoTime() - started;
            observers.forEach(o -> o.committed(batch.size(), took));
            batch.forEach(p -> p.stored().complete(null));
        } catch (RuntimeException e) {
            // Nothing of the batch is stored: the connector sees the failure and keeps the line (or the peer resends).
            routes.clear();
            batch.forEach(p -> p.stored().completeExceptionally(e));
            return;
        }
        for (Stored line : partnerLines) {
            listeners.forEach(l -> l.stored(line.network(), line.conversation(), line.message()));
        }
    }

    private record Stored(Network network, Conversation conversation, Message message) {
    }

    /**
     * Opens the conversations and accounts of a batch's messages before any message is added: a first contact
     * looks up and inserts rows, which must wait for the message inserts already in flight, so doing all of them
     * first lets a burst of new partners cost one wait instead of one each. Stops at the first nick change, after
     * which a nick may stand for another account.
     */
    private void prepare(List<Pending> batch) {
        for (Pending pending : batch) {
            if (!(pending.item() instanceof Received received)
                    || received.inbound() instanceof Inbound.NickChanged) {
                return;
            }
            if (received.inbound() instanceof Inbound.Said said) {
                routesOf(pending.network(), pending.persona()).open(said);
            }
        }
    }

    private Routes routesOf(Network network, Persona persona) {
        return routes.computeIfAbsent(network.name() + "\n" + network.protocol() + "\n" + persona.handle(),
                k -> new Routes(network, persona));
    }

    /**
     * Where a network's happenings go: partner nicks to accounts (following nick changes, so one person keeps one
     * account) and accounts to their conversations. Only the writer thread uses it.
     */
    private final class Routes {
        private final Network network;
        private final Persona persona;
        private final Nicks nicks = new Nicks();
        private final Map<String, Set<Conversation>> conversationsOf = new HashMap<>();
        private final Map<String, String> lastHost = new HashMap<>();

        Routes(Network network, Persona persona) {
            this.network = network;
            this.persona = persona;
        }

        void store(ConversationStore.Appender appender, Inbound inbound, String key, List<Stored> partnerLines) {
            switch (inbound) {
                case Inbound.Said said -> said(appender, said, key, partnerLines);
                case Inbound.Happened happened -> happened(appender, happened, key);
                case Inbound.NickChanged changed -> nickChanged(appender, changed, key);
            }
        }

        private void said(ConversationStore.Appender appender, Inbound.Said said, String key,
                          List<Stored> partnerLines) {
            Conversation conversation = open(said);
            String sourceId = said.sourceId() != null ? said.sourceId() : key;
            if (sourceId != null && !inBatch.add(conversation.id() + " " + sourceId)) {
                return; // delivered twice in one batch: a second insert would fail the whole batch
            }
            appender.add(conversation, Message.received(said.time(), Author.PARTNER, said.partner(), said.text(),
                    said.raw(), sourceId, said.delayStamp()))
                    .ifPresent(m -> partnerLines.add(new Stored(network, conversation, m)));
        }

        /** The conversation a line belongs to, created on first contact, with the account's nick and host noted. */
        Conversation open(Inbound.Said said) {
            String handle = nicks.accountOf(said.partner());
            Conversation conversation = conversation(handle, said.channel());
            saw(handle, said.partner(), said.host());
            return conversation;
        }

        /** Drops deleted conversations; the nicks followed so far stay, so one person keeps one account. */
        void forget(Set<Long> deleted) {
            conversationsOf.values().forEach(known -> known.removeIf(c -> deleted.contains(c.id())));
        }

        private void happened(ConversationStore.Appender appender, Inbound.Happened happened, String key) {
            String handle = nicks.accountOf(happened.partner());
            Set<Conversation> targets = conversationsOf.getOrDefault(handle, Set.of());
            if (targets.isEmpty() && happened.kind() == EventKind.REFUSED_OFFER) {
                // an offer is contact in itself: it opens the conversation it was made in
                targets = Set.of(conversation(handle, happened.channel()));
            }
            if (targets.isEmpty()) {
                return; // presence of someone who never spoke to the persona is not kept (data minimisation)
            }
            saw(handle, happened.partner(), happened.host());
            String detail = happened.host() == null ? happened.detail()
                    : happened.detail() + " (" + happened.host() + ")";
            Event event = new Event(happened.time(), happened.kind(), happened.partner(), detail, happened.raw(),
                    key);
            record(appender, targets, event);
        }

        private void nickChanged(ConversationStore.Appender appender, Inbound.NickChanged changed, String key) {
            String handle = nicks.changed(changed.partner(), changed.newNick());
            Event event = new Event(changed.time(), EventKind.NICK_CHANGE, changed.partner(),
                    "is now known as " + changed.newNick(), changed.raw(), key);
            Set<Conversation> targets = conversationsOf.getOrDefault(handle, Set.of());
            if (!targets.isEmpty()) {
                saw(handle, changed.newNick(), changed.host());
            }
            record(appender, targets, event);
        }

        /** Records an event in each conversation, once per key and conversation within a batch. */
        private void record(ConversationStore.Appender appender, Set<Conversation> targets, Event event) {
            for (Conversation c : targets) {
                if (event.sourceId() == null || inBatch.add("event " + c.id() + " " + event.sourceId())) {
                    appender.record(c, event);
                }
            }
        }

        private Conversation conversation(String handle, String channel) {
            ConversationKey key = channel == null ? ConversationKey.privateChat(network, persona, handle)
                    : ConversationKey.inChannel(network, persona, handle, channel);
            Set<Conversation> known = conversationsOf.computeIfAbsent(handle, h -> new LinkedHashSet<>());
            for (Conversation c : known) {
                if (c.key().equals(key)) {
                    return c;
                }
            }
            Conversation conversation = store.conversation(key);
            known.add(conversation);
            return conversation;
        }

        /** Tells the store the nick and host an account was seen with, once per change. */
        private void saw(String handle, String nick, String host) {
            String seen = nick + " " + host;
            if (!seen.equals(lastHost.put(handle, seen))) {
                store.sawAccount(network, handle, nick, host);
            }
        }
    }
}
