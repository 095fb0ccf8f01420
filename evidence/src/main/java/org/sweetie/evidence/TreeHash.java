package org.sweetie.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 section 2.1.1 hashing: SHA-256 with a 0x00 prefix for leaves and 0x01 for interior nodes. */
public final class TreeHash {
    public static final int SIZE = 32;

    private TreeHash() {
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(data);
        return sha.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        return node(sha256(), left, right);
    }

    /** With a digest of the caller's: a verifier folding many proofs saves looking one up per node. */
    static byte[] node(MessageDigest sha, byte[] left, byte[] right) {
        sha.reset();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] empty() {
        return sha256().digest();
    }

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The largest power of two smaller than n (n > 1): where RFC 9162 splits a tree of n leaves. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
