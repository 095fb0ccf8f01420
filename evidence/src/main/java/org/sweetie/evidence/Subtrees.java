package org.sweetie.evidence;

/**
 * The Merkle tree hash of any range of leaves, MTH(D[start:end]) in RFC 9162 terms. A log answers it from the
 * perfect subtrees it keeps; a test answers it from the leaves.
 */
@FunctionalInterface
public interface Subtrees {
    byte[] hash(long start, long end);

    /** Computes ranges from the hashes of perfect, aligned subtrees (size 2^level starting at a multiple of it). */
    static Subtrees fromPerfect(PerfectSubtrees perfect) {
        return new Subtrees() {
            @Override
            public byte[] hash(long start, long end) {
                long n = end - start;
                if (n == 0) {
                    return TreeHash.empty();
                }
                if (Long.bitCount(n) == 1 && start % n == 0) {
                    return perfect.hash(Long.numberOfTrailingZeros(n), start / n);
                }
                long k = TreeHash.split(n);
                return TreeHash.node(hash(start, start + k), hash(start + k, end));
            }
        };
    }

    /** The hash of the perfect subtree at a level (0 = leaves) and index within that level. */
    @FunctionalInterface
    interface PerfectSubtrees {
        byte[] hash(int level, long index);
    }
}
