package org.sweetie.evidence;

import java.util.ArrayList;
import java.util.List;
import org.sweetie.core.EvidenceStorage;

/**
 * The Merkle tree over the stored entries. It keeps the right edge of the tree (the perfect subtrees that cover the
 * leaves, at most one per level) in memory, so an append computes and stores only the nodes the new leaf completes:
 * O(log n) work, amortised O(1). After a restart the edge is read back from the stored nodes.
 *
 * <p>Leaf hashes are not stored: they are the SHA-256 of the stored entries, and storing them doubled the rows an
 * append writes. Nodes from level 1 up are stored.
 */
final class MerkleLog {
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
            records.add(new EvidenceStorage.Record(size, entry.kind(), entry.conversationId(), entry.body()));
            EvidenceStorage.Node carry = new EvidenceStorage.Node(0, size, TreeHash.leaf(entry.body()));
            while (!edge.isEmpty() && edge.getLast().level() == carry.level()) {
                EvidenceStorage.Node left = edge.removeLast();
                carry = new EvidenceStorage.Node(carry.level() + 1, left.index() >>> 1,
                        TreeHash.node(left.hash(), carry.hash()));
                nodes.add(carry);
            }
            edge.add(carry);
            size++;
        }
        storage.append(records, nodes);
        return first;
    }

    /** The hash of a perfect subtree: a leaf's from its entry, any other from the stored nodes. */
    static byte[] perfect(EvidenceStorage storage, int level, long index) {
        return level == 0 ? TreeHash.leaf(storage.entry(index)) : storage.node(level, index);
    }

    /** An entry to append: its canonical bytes, kind and conversation (or null). */
    record Appended(String kind, Long conversationId, byte[] body) {
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
