package org.sweetie.evidence;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Names and small formats of a referral bundle, shared by the writer and the verifier (docs/evidence.md). */
final class Bundle {
    static final String README = "README.txt";
    static final String MANIFEST = "MANIFEST.sha256";
    static final String KEY = "verifier-key.txt";
    static final String CHECKPOINT = "checkpoint.txt";
    static final String TIMESTAMP = "checkpoint.tsr";

    private Bundle() {
    }

    static String entryFile(long index) {
        return "entries/" + padded(index) + ".entry";
    }

    static String proofFile(long index) {
        return "proofs/" + padded(index) + ".proof";
    }

    static String transcriptFile(long conversation, String extension) {
        return "conversations/" + conversation + "/transcript." + extension;
    }

    private static String padded(long index) {
        return String.format("%020d", index);
    }

    /** An inclusion proof as text: the leaf index, the tree size, then one hex hash per line. */
    static byte[] proof(long index, long size, List<byte[]> hashes) {
        StringBuilder out = new StringBuilder().append("leaf ").append(index).append('\n')
                .append("tree ").append(size).append('\n');
        hashes.forEach(h -> out.append(HexFormat.of().formatHex(h)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
