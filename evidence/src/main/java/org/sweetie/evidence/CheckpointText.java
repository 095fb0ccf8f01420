package org.sweetie.evidence;

import java.util.Base64;

/**
 * The body of a C2SP tlog-checkpoint: the log's origin, the tree size in decimal and the base64 root hash, one per
 * line.
 */
public record CheckpointText(String origin, long size, byte[] root) {

    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    public static CheckpointText parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("checkpoint size is not a decimal number: " + lines[1]);
        }
        byte[] root = Base64.getDecoder().decode(lines[2]);
        if (root.length != TreeHash.SIZE) {
            throw new IllegalArgumentException("checkpoint root hash is not 32 bytes");
        }
        return new CheckpointText(lines[0], Long.parseLong(lines[1]), root);
    }
}
