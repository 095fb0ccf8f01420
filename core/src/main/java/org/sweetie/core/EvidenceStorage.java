package org.sweetie.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the evidence log keeps its entries, its Merkle tree and its checkpoints. It shares the conversation store's
 * transactions: called on the thread of an open {@link ConversationStore.Appender}, a write commits with that unit,
 * so a message and its evidence entry are stored together or not at all. Nothing here updates or deletes an entry.
 */
public interface EvidenceStorage {

    /** How many entries are stored (committed, or added in the calling thread's open unit). */
    long size();

    /** The hash of a stored perfect subtree at a level and index in the level (the log decides which it stores). */
    byte[] node(int level, long index);

    /** Appends entries, whose indexes must follow on from {@link #size()}, with the tree nodes they complete. */
    void append(List<Record> records, List<Node> nodes);

    /**
     * The canonical bytes of an entry stored with its bytes; null for an entry redacted by a purge, and for an entry
     * stored as the message it records ({@link #recordedMessage}).
     */
    byte[] entry(long index);

    /**
     * The conversation and stored message an entry records, with the entry's leaf hash, for an entry appended with
     * its message's seq ({@link Record#messageSeq}) and not redacted since; empty for every other entry. Its canonical
     * bytes are the message entry built from them again, which must hash to that leaf: the message table holds each
     * line once instead of twice.
     *
     * @throws RuntimeException naming the entry when the message it records is no longer in the store
     */
    Optional<RecordedMessage> recordedMessage(long index);

    /**
     * Removes the bodies of entries whose content was deleted (data minimisation), keeping each one's leaf hash:
     * {@link #entry} then answers null for it and {@link #keptLeaf} its hash.
     */
    void redact(java.util.Map<Long, byte[]> leafHashes);

    /**
     * The leaf hash kept for an entry not stored with its bytes: a redacted one, or one recording a message
     * ({@link #recordedMessage}); empty for an entry stored with its bytes. The tree needs no more than this.
     */
    Optional<byte[]> keptLeaf(long index);

    /** The indexes of a conversation's entries, in order. */
    List<Long> entriesOf(long conversationId);

    /**
     * Every entry of one kind, in order, with its body (null where {@link #entry} answers null): for a kind that
     * stands on its own and is read as a list (the audit). The store indexes the audit's entries; asking for another
     * kind reads the whole log.
     */
    List<Record> entriesOfKind(String kind);

    void saveCheckpoint(Checkpoint checkpoint);

    Optional<Checkpoint> latestCheckpoint();

    /**
     * One entry: its leaf index, its kind, the conversation it belongs to (or null) and its canonical bytes. An entry
     * that records a stored message instead has the message's seq, and as body its RFC 9162 leaf hash: the store keeps
     * a reference to the message row and the hash that the bytes built again from it must have (read back, such an
     * entry has a null body; see {@link #recordedMessage}).
     */
    record Record(long index, String kind, Long conversationId, byte[] body, Long messageSeq) {
        public Record(long index, String kind, Long conversationId, byte[] body) {
            this(index, kind, conversationId, body, null);
        }
    }

    /** What a message entry records: its conversation, the message as stored, and the entry's leaf hash. */
    record RecordedMessage(Conversation conversation, Message message, byte[] leaf) {
    }

    /** A perfect subtree's hash. */
    record Node(int level, long index, byte[] hash) {
    }

    /**
     * A signed checkpoint: the C2SP signed note over the tree of the first {@code size} entries, and the RFC 3161
     * timestamp token over it when a timestamp authority is configured (else null).
     */
    record Checkpoint(long size, String signedNote, byte[] timestampToken, Instant createdAt) {
    }
}
