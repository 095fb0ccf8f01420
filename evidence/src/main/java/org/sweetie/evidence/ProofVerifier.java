package org.sweetie.evidence;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies inclusion and consistency proofs by the algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2, with the
 * stricter checks of transparency-dev/merkle: hashes of 32 bytes, proofs of exactly the expected length, and no
 * consistency from the empty tree. It needs nothing but the JDK, so a recipient can run it alone.
 */
public final class ProofVerifier {
    private ProofVerifier() {
    }

    public static boolean inclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || !allHashes(proof)
                || proof.size() != inclusionLength(index, size)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        MessageDigest sha = TreeHash.sha256();
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHash.node(sha, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = TreeHash.node(sha, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    public static boolean consistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 <= 0 || size1 > size2 || root1 == null || root2 == null || !allHashes(proof)) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.addFirst(root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHash.node(c, fr);
                sr = TreeHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = TreeHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    /** How many hashes the inclusion proof of a leaf has: one per level where it has a sibling. */
    static int inclusionLength(long index, long size) {
        int length = 0;
        long start = 0;
        long end = size;
        while (end - start > 1) {
            long k = TreeHash.split(end - start);
            if (index - start < k) {
                end = start + k;
            } else {
                start += k;
            }
            length++;
        }
        return length;
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == TreeHash.SIZE;
    }

    private static boolean allHashes(List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(ProofVerifier::isHash);
    }
}
