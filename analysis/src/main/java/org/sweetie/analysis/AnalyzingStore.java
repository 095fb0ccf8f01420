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
     * The same store, but its units of work read the texts of the messages they store ahead of the conversations'
     * engines, on the given threads, and run the engines of different conversations at once: for imports, where a
     * unit stores many thousands of messages. The findings are the same; in the evidence log a message's flags come
     * after the messages stored with it up to {@value Unit#AHEAD} lines later instead of right after it (always at
     * the same place for the same input), and before the unit's next event, flag or commit.
     */
    public ConversationStore readingAhead(ExecutorService readers) {
        return new ForwardingConversationStore(this) {
            @Override
            public Appender appender() {
                return new Unit(AnalyzingStore.this.store.appender(), readers);
            }
        };
    }

    /** A unit of work that analyses what it stores: each message as it comes, or a window of them at once. */
    private final class Unit implements Appender {
        /** How many messages are read ahead before their engines run. */
        static final int AHEAD = 1_024;

        private final Appender inner;
        /** Threads that read texts ahead and run engines; null when each message is analysed as it is added. */
        private final ExecutorService readers;
        private final Set<Long> touched = new HashSet<>();
        private final List<Ahead> ahead = new ArrayList<>();

        /** A stored message whose text is being read. */
        private record Ahead(Conversation conversation, Message message, Future<MessageText> text) {
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
                    if (ahead.size() >= AHEAD) {
                        drain();
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

        /**
         * Runs the engines over the messages read ahead, each conversation's in order and different conversations
         * at once, then stores their flags in the order of the messages.
         */
        private void drain() {
            if (ahead.isEmpty()) {
                return;
            }
            Map<Long, List<Integer>> byConversation = new LinkedHashMap<>();
            for (int i = 0; i < ahead.size(); i++) {
                byConversation.computeIfAbsent(ahead.get(i).conversation().id(), id -> new ArrayList<>()).add(i);
            }
            List<List<Finding>> findings = new ArrayList<>(java.util.Collections.nCopies(ahead.size(), null));
            List<Future<?>> running = new ArrayList<>();
            List<Runnable> works = new ArrayList<>();
            for (Map.Entry<Long, List<Integer>> c : byConversation.entrySet()) {
                ConversationAnalyzer engine = engine(c.getKey()); // here: a new engine may read the store
                works.add(() -> {
                    for (int i : c.getValue()) {
                        Ahead a = ahead.get(i);
                        findings.set(i, engine.accept(a.message(), textOf(a)));
                    }
                });
            }
            try {
                for (int w = 1; w < works.size(); w++) {
                    running.add(readers.submit(works.get(w)));
                }
                works.getFirst().run();
                for (Future<?> r : running) {
                    r.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while analysing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("analysing failed", e.getCause());
            } finally {
                running.forEach(r -> r.cancel(true));
            }
            for (int i = 0; i < ahead.size(); i++) {
                flag(ahead.get(i).conversation(), ahead.get(i).message(), findings.get(i));
            }
            ahead.clear();
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
            drain(); // the engines see the address after the messages before it
            boolean stored = inner.record(conversation, event);
            if (stored) {
                addressOf(event).ifPresent(ip -> {
                    touched.add(conversation.id());
                    engine(conversation.id()).sawAddress(ip);
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
