package org.sweetie.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Flag;
import org.sweetie.core.ForwardingConversationStore;
import org.sweetie.core.Message;

/**
 * A conversation store that analyses every message as it is stored and stores what the analysis establishes as
 * flags, in the same unit of work (the partner's IP address from join lines goes to the country evidence) (and so, through the evidence log below it, in the evidence). Each conversation's
 * engine state is kept in memory; the first time a conversation is met in a process, its stored messages are read
 * again to rebuild that state, which gives the same state because the engine is deterministic.
 */
public final class AnalyzingStore extends ForwardingConversationStore {
    private static final Pattern HOST_ADDRESS = Pattern.compile("@((?:\\d{1,3}\\.){3}\\d{1,3})[)\\]]");

    private final Analyzer analyzer;
    private final Map<Long, ConversationAnalyzer> engines = new HashMap<>();

    public AnalyzingStore(ConversationStore store, Analyzer analyzer) {
        super(store);
        this.analyzer = analyzer;
    }

    @Override
    public Appender appender() {
        return new Unit(store.appender(), null);
    }

    /**
     * The same store, but its units of work analyse on the given threads, for imports and the capture writer, where
     * a unit stores thousands of messages: the texts of the messages are read ahead, many at once, and each conversation's engine
     * runs beside the thread that stores, in the order of its messages (different conversations at once). The
     * findings are the same. In the evidence log the flags of a window of {@value Unit#WINDOW} stored lines (a window
     * also ends at an event) come after the lines of the window after it, or at the unit's next flag or commit,
     * instead of right after their message: always at the same place for the same calls.
     */
    public ConversationStore readingAhead(ExecutorService readers) {
        return new ForwardingConversationStore(this) {
            @Override
            public Appender appender() {
                return new Unit(AnalyzingStore.this.store.appender(), readers);
            }
        };
    }

    /** A unit of work that analyses what it stores: each message as it comes, or windows of them on other threads. */
    private final class Unit implements Appender {
        /** How many stored messages make a window, whose engines then run while the next window is stored. */
        static final int WINDOW = 256;
        /**
         * How many closed windows may be running before the oldest one's flags are stored: the storing thread waits
         * there when the engines fall behind. With one (it was), an import's reading thread waited a third of its
         * time while the engines caught up after a burst; with five the import ran a sixth faster (bench import).
         */
        static final int RUNNING = 5;

        private final Appender inner;
        /** Threads that read texts and run engines; null when each message is analysed as it is added. */
        private final ExecutorService readers;
        private final Set<Long> touched = new HashSet<>();
        /** The window being stored. */
        private List<Ahead> ahead = new ArrayList<>();
        /** Closed windows whose engines are running or done, oldest first; their flags are not stored yet. */
        private final java.util.ArrayDeque<Window> running = new java.util.ArrayDeque<>();
        /** Per conversation, the last piece of engine work handed to the threads: the next one runs after it. */
        private final Map<Long, CompletableFuture<Void>> chains = new HashMap<>();

        /** A stored message whose text is being read. */
        private record Ahead(Conversation conversation, Message message, Future<MessageText> text) {
        }

        /** A closed window: its messages, their findings once its engines have run, and when that is. */
        private record Window(List<Ahead> messages, List<List<Finding>> findings, CompletableFuture<Void> done) {
        }

        Unit(Appender inner, ExecutorService readers) {
            this.inner = inner;
            this.readers = readers;
        }

        @Override
        public Optional<Message> add(Conversation conversation, Message message) {
            Optional<Message> stored = inner.add(conversation, message);
            if (stored.isPresent()) {
                Message m = stored.get();
                touched.add(conversation.id());
                if (readers == null) {
                    flag(conversation, m, engine(conversation.id()).accept(m));
                } else {
                    ahead.add(new Ahead(conversation, m, readers.submit(() -> analyzer.readText(m.text()))));
                    if (ahead.size() >= WINDOW) {
                        closeWindow();
                        while (running.size() > RUNNING) {
                            storeFlags(running.removeFirst());
                        }
                    }
                }
            }
            return stored;
        }

        private void flag(Conversation conversation, Message message, List<Finding> findings) {
            for (Finding finding : findings) {
                inner.flag(conversation, flagOf(finding, message.seq()));
            }
        }

        /** Hands the window's messages to their conversations' engines, each after that engine's earlier work. */
        private void closeWindow() {
            if (ahead.isEmpty()) {
                return;
            }
            List<Ahead> messages = ahead;
            ahead = new ArrayList<>();
            Map<Long, List<Integer>> byConversation = new LinkedHashMap<>();
            for (int i = 0; i < messages.size(); i++) {
                byConversation.computeIfAbsent(messages.get(i).conversation().id(), id -> new ArrayList<>()).add(i);
            }
            List<List<Finding>> findings = new ArrayList<>(java.util.Collections.nCopies(messages.size(), null));
            List<CompletableFuture<Void>> works = new ArrayList<>();
            for (Map.Entry<Long, List<Integer>> c : byConversation.entrySet()) {
                ConversationAnalyzer engine = engine(c.getKey()); // here: a new engine reads the store
                works.add(chain(c.getKey(), () -> {
                    for (int i : c.getValue()) {
                        Ahead a = messages.get(i);
                        findings.set(i, engine.accept(a.message(), textOf(a)));
                    }
                }));
            }
            running.addLast(new Window(messages, findings,
                    CompletableFuture.allOf(works.toArray(CompletableFuture[]::new))));
        }

        /** Runs work on a conversation's engine after the work handed to it before. */
        private CompletableFuture<Void> chain(long conversationId, Runnable work) {
            CompletableFuture<Void> next = chains.getOrDefault(conversationId, CompletableFuture.completedFuture(null))
                    .thenRunAsync(work, readers);
            chains.put(conversationId, next);
            return next;
        }

        /** Waits for a window's engines, then stores its flags in the order of its messages. */
        private void storeFlags(Window window) {
            try {
                window.done().join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("analysing failed", e.getCause());
            }
            for (int i = 0; i < window.messages().size(); i++) {
                Ahead a = window.messages().get(i);
                flag(a.conversation(), a.message(), window.findings().get(i));
            }
        }

        /** Stores the flags of every message added so far. */
        private void drain() {
            closeWindow();
            while (!running.isEmpty()) {
                storeFlags(running.removeFirst());
            }
            chains.clear();
        }

        /** The text read ahead; read here if no thread has started on it, so no engine waits on a queue. */
        private MessageText textOf(Ahead a) {
            if (a.text().cancel(false)) {
                return analyzer.readText(a.message().text());
            }
            try {
                return a.text().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading a message", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("reading a message failed", e.getCause());
            }
        }

        @Override
        public boolean record(Conversation conversation, Event event) {
            if (readers != null) {
                closeWindow(); // the engine sees the address after the messages before it
            }
            boolean stored = inner.record(conversation, event);
            if (stored) {
                addressOf(event).ifPresent(ip -> {
                    touched.add(conversation.id());
                    ConversationAnalyzer engine = engine(conversation.id());
                    if (readers == null) {
                        engine.sawAddress(ip);
                    } else {
                        chain(conversation.id(), () -> engine.sawAddress(ip));
                    }
                });
            }
            return stored;
        }

        @Override
        public void flag(Conversation conversation, Flag flag) {
            drain();
            inner.flag(conversation, flag);
        }

        @Override
        public void commit() {
            try {
                drain();
                inner.commit();
                touched.clear();
            } catch (RuntimeException e) {
                forget();
                throw e;
            }
        }

        @Override
        public void close() {
            ahead.forEach(a -> a.text().cancel(false));
            ahead.clear();
            // engines still at work are left to finish before they are forgotten
            chains.values().forEach(c -> c.exceptionally(failure -> null).join());
            chains.clear();
            running.clear();
            forget();
            inner.close();
        }

        /** Engines that read messages which were then not stored are rebuilt from the store next time. */
        private void forget() {
            synchronized (AnalyzingStore.this) {
                touched.forEach(engines::remove);
            }
            touched.clear();
        }
    }

    @Override
    public Purged delete(java.util.List<Long> conversationIds) {
        Purged purged = store.delete(conversationIds);
        synchronized (this) {
            conversationIds.forEach(engines::remove);
        }
        return purged;
    }

    private synchronized ConversationAnalyzer engine(long conversationId) {
        return engines.computeIfAbsent(conversationId, id -> analyzer.replay(store.messages(id), store.events(id)));
    }

    /** The IPv4 address a join, part or quit shows as the partner's host ("(~dave@198.51.100.23) has joined"). */
    public static Optional<String> addressOf(Event event) {
        if (event.kind() != EventKind.JOIN && event.kind() != EventKind.PART && event.kind() != EventKind.QUIT) {
            return Optional.empty();
        }
        Matcher m = HOST_ADDRESS.matcher(event.detail());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Flag flagOf(Finding finding, long seq) {
        return switch (finding) {
            case Finding.StageReached s -> new Flag(seq, "stage", key(s.stage().name()), s.start() + "-" + s.end());
            case Finding.Qualified q -> new Flag(seq, "qualified", key(q.level().name()), "");
            case Finding.Initiated i -> new Flag(seq, "initiated", key(i.topic().name()),
                    i.byPersona() ? "by persona" : "by partner");
            case Finding.Revealed r -> new Flag(seq, "identifier", r.identifier().type().key(),
                    r.identifier().normalized());
        };
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
