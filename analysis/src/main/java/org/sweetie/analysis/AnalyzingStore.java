package org.sweetie.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        Appender inner = store.appender();
        return new Appender() {
            private final Set<Long> touched = new HashSet<>();

            @Override
            public Optional<Message> add(Conversation conversation, Message message) {
                Optional<Message> stored = inner.add(conversation, message);
                stored.ifPresent(m -> analyse(conversation, m));
                return stored;
            }

            private void analyse(Conversation conversation, Message message) {
                touched.add(conversation.id());
                for (Finding finding : engine(conversation.id()).accept(message)) {
                    inner.flag(conversation, flagOf(finding, message.seq()));
                }
            }

            @Override
            public boolean record(Conversation conversation, Event event) {
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
                inner.flag(conversation, flag);
            }

            @Override
            public void commit() {
                try {
                    inner.commit();
                    touched.clear();
                } catch (RuntimeException e) {
                    forget();
                    throw e;
                }
            }

            @Override
            public void close() {
                forget();
                inner.close();
            }

            /** Engines that read messages which were then not stored are rebuilt from the store next time. */
            private void forget() {
                touched.forEach(engines::remove);
                touched.clear();
            }
        };
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
