package org.sweetie.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sweetie.core.EvidenceStorage;

/**
 * The Merkle tree over the stored entries. It keeps the right edge of the tree (the perfect subtrees that cover the
 * leaves, at most one per level) in memory, so an append computes and stores only the nodes the new leaf completes:
 * O(log n) work, amortised O(1). After a restart the edge is read back from the stored nodes.
 *
 * <p>Only nodes from level {@value #STORED_FROM} up are stored (one row per 16 entries): a lower subtree is
 * recomputed from at most 8 entries when a proof needs it, and a node row for every entry made an append twice as
 * expensive.
 */
final class MerkleLog {
    static final int STORED_FROM = 4;
    private final EvidenceStorage storage;
    private List<EvidenceStorage.Node> edge;
    private long size;
    private List<EvidenceStorage.Node> committedEdge;
    private long committedSize;

    MerkleLog(EvidenceStorage storage) {
        this.storage = storage;
        reload();
    }

    /** Reads the tree's edge from storage: after a restart, or when a unit of work was discarded. */
    void reload() {
        size = storage.size();
        edge = new ArrayList<>();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                long index = start >>> level;
                edge.add(new EvidenceStorage.Node(level, index, perfect(storage, level, index)));
                start += 1L << level;
            }
        }
        markCommitted();
    }

    void markCommitted() {
        committedEdge = List.copyOf(edge);
        committedSize = size;
    }

    void discardUncommitted() {
        edge = new ArrayList<>(committedEdge);
        size = committedSize;
    }

    /** Appends entries in order and stores them with the nodes they complete; returns the first new leaf index. */
    long append(List<Appended> entries) {
        long first = size;
        List<EvidenceStorage.Record> records = new ArrayList<>(entries.size());
        List<EvidenceStorage.Node> nodes = new ArrayList<>(entries.size() * 2);
        for (Appended entry : entries) {
            // an entry recording a stored message is kept as that row, with the leaf hash its bytes must have
            records.add(new EvidenceStorage.Record(size, entry.kind(), entry.conversationId(),
                    entry.messageSeq() == null ? entry.body() : entry.leaf(), entry.messageSeq()));
            EvidenceStorage.Node carry = new EvidenceStorage.Node(0, size, entry.leaf());
            while (!edge.isEmpty() && edge.getLast().level() == carry.level()) {
                EvidenceStorage.Node left = edge.removeLast();
                carry = new EvidenceStorage.Node(carry.level() + 1, left.index() >>> 1,
                        TreeHash.node(left.hash(), carry.hash()));
                if (carry.level() >= STORED_FROM) {
                    nodes.add(carry);
                }
            }
            edge.add(carry);
            size++;
        }
        storage.append(records, nodes);
        return first;
    }

    /** The hash of a perfect subtree: from the stored nodes, or below them from the entries. */
    static byte[] perfect(EvidenceStorage storage, int level, long index) {
        if (level >= STORED_FROM) {
            return storage.node(level, index);
        }
        if (level == 0) {
            byte[] body = storage.entry(index);
            // a purged conversation's entry keeps only its leaf hash, a message's entry its leaf hash and its row:
            // the tree rests on the hashes logged, whatever became of the rows since (body() checks those)
            return body != null ? TreeHash.leaf(body) : storage.keptLeaf(index).orElseThrow(
                    () -> new IllegalStateException("evidence entry " + index + " has neither body nor leaf hash"));
        }
        return TreeHash.node(perfect(storage, level - 1, 2 * index), perfect(storage, level - 1, 2 * index + 1));
    }

    /**
     * The canonical bytes of a stored entry, or null for a redacted one. An entry that records a message is built
     * again from the message row and its conversation, the same way it was built when it was appended, and must
     * hash to the leaf logged with it: a row changed since, or entries built differently from how they were then,
     * is an error naming the entry, never bytes a proof or a bundle would carry.
     */
    static byte[] body(EvidenceStorage storage, long index) {
        byte[] body = storage.entry(index);
        if (body != null) {
            return body;
        }
        Optional<EvidenceStorage.RecordedMessage> recorded = storage.recordedMessage(index);
        if (recorded.isEmpty()) {
            return null;
        }
        EvidenceStorage.RecordedMessage m = recorded.get();
        byte[] rebuilt = EntryEncoding.encode(Entries.message(m.conversation(), m.message()));
        if (!java.security.MessageDigest.isEqual(TreeHash.leaf(rebuilt), m.leaf())) {
            throw new IllegalStateException("evidence entry " + index + " does not match message "
                    + m.message().seq() + " of conversation " + m.conversation().id() + " as stored: the message "
                    + "was changed after it was logged");
        }
        return rebuilt;
    }

    /**
     * An entry to append: its canonical bytes, kind and conversation (or null), its leaf hash, and for an entry that
     * records a stored message its seq (else null), so that the store keeps the message row once.
     */
    record Appended(String kind, Long conversationId, byte[] body, byte[] leaf, Long messageSeq) {
        Appended(String kind, Long conversationId, byte[] body) {
            this(kind, conversationId, body, TreeHash.leaf(body), null);
        }
    }

    long size() {
        return size;
    }

    byte[] root() {
        if (edge.isEmpty()) {
            return TreeHash.empty();
        }
        byte[] root = edge.getLast().hash();
        for (int i = edge.size() - 2; i >= 0; i--) {
            root = TreeHash.node(edge.get(i).hash(), root);
        }
        return root;
    }
}
