package org.sweetie.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    /** The independent verifier (Python 3, standard library only) a recipient can run without Sweetie. */
    static final String SCRIPT = "verify-bundle.py";

    private Bundle() {
    }

    /** The script as this build ships it. */
    static byte[] script() {
        return resource("/evidence/" + SCRIPT);
    }

    static byte[] readme() {
        return resource("/evidence/bundle-README.txt");
    }

    private static byte[] resource(String name) {
        try (InputStream in = Bundle.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot be read from the build", e);
        }
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
