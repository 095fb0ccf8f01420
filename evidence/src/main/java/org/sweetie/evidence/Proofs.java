package org.sweetie.evidence;

import java.util.ArrayList;
import java.util.List;

/** Builds inclusion and consistency proofs (RFC 9162 sections 2.1.3.1 and 2.1.4.1) from subtree hashes. */
public final class Proofs {
    private Proofs() {
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public static List<byte[]> inclusion(Subtrees tree, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(tree, index, 0, size, path);
        return path;
    }

    private static void path(Subtrees tree, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = TreeHash.split(n);
        if (m < k) {
            path(tree, m, start, start + k, out);
            out.add(tree.hash(start + k, end));
        } else {
            path(tree, m - k, start + k, end, out);
            out.add(tree.hash(start, start + k));
        }
    }

    /** The proof that the tree of {@code size1} leaves is a prefix of the tree of {@code size2} leaves. */
    public static List<byte[]> consistency(Subtrees tree, long size1, long size2) {
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 < size2) {
            subproof(tree, size1, 0, size2, true, proof);
        }
        return proof;
    }

    private static void subproof(Subtrees tree, long m, long start, long end, boolean whole, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(tree.hash(start, end));
            }
            return;
        }
        long k = TreeHash.split(n);
        if (m <= k) {
            subproof(tree, m, start, start + k, whole, out);
            out.add(tree.hash(start + k, end));
        } else {
            subproof(tree, m - k, start + k, end, false, out);
            out.add(tree.hash(start, start + k));
        }
    }
}
