package org.sweetie.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.Flag;
import org.sweetie.core.ForwardingConversationStore;
import org.sweetie.core.Message;

/**
 * A conversation store whose every stored message and event is also appended to the evidence log, in the same
 * transaction and the same order. It is the only way Sweetie's capabilities are given a store, so nothing enters
 * the conversations without entering the evidence.
 */
final class EvidencedStore extends ForwardingConversationStore {
    /**
     * Entries are written in chunks, so a long unit of work does not hold them all in memory; a chunk's entries are
     * built, encoded and hashed on the available cores at once, then appended in order on the unit's thread.
     */
    private static final int CHUNK = 2_000;

    /**
     * An entry to append, not yet built: what it records is immutable, so it can be built on any thread. The seq of
     * the message it records, or null.
     */
    private record Queued(String kind, long conversationId, Long messageSeq,
                          java.util.function.Supplier<Entry> entry) {
        MerkleLog.Appended encoded() {
            byte[] body = EntryEncoding.encode(entry.get());
            return new MerkleLog.Appended(kind, conversationId, body, TreeHash.leaf(body), messageSeq);
        }
    }

    private final EvidenceLog log;

    EvidencedStore(ConversationStore store, EvidenceLog log) {
        super(store);
        this.log = log;
    }

    @Override
    public Appender appender() {
        Appender inner = store.appender();
        return new Appender() {
            private final List<Queued> pending = new ArrayList<>();
            private boolean dirty;

            @Override
            public Optional<Message> add(Conversation conversation, Message message) {
                Optional<Message> stored = inner.add(conversation, message);
                stored.ifPresent(m -> enqueue(Entries.MESSAGE, conversation, m.seq(),
                        () -> Entries.message(conversation, m)));
                return stored;
            }

            @Override
            public boolean record(Conversation conversation, Event event) {
                boolean stored = inner.record(conversation, event);
                if (stored) {
                    enqueue(Entries.EVENT, conversation, null, () -> Entries.event(conversation, event));
                }
                return stored;
            }

            @Override
            public void flag(Conversation conversation, Flag flag) {
                inner.flag(conversation, flag);
                enqueue(Entries.FLAG, conversation, null, () -> Entries.flag(conversation, flag));
            }

            private void enqueue(String kind, Conversation conversation, Long messageSeq,
                                 java.util.function.Supplier<Entry> entry) {
                dirty = true;
                pending.add(new Queued(kind, conversation.id(), messageSeq, entry));
                if (pending.size() >= CHUNK) {
                    flush();
                }
            }

            private void flush() {
                if (!pending.isEmpty()) {
                    log.append(pending.parallelStream().map(Queued::encoded).toList());
                    pending.clear();
                }
            }

            @Override
            public void commit() {
                try {
                    flush();
                    log.beforeCommit();
                    inner.commit();
                    log.committed();
                    dirty = false;
                } catch (RuntimeException e) {
                    pending.clear();
                    log.discarded();
                    throw e;
                }
            }

            @Override
            public void close() {
                pending.clear();
                if (dirty) {
                    log.discarded(); // before the writer is released: another unit may append right after
                }
                inner.close();
            }
        };
    }
}
