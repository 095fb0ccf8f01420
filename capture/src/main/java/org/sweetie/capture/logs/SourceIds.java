package org.sweetie.capture.logs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Source ids for log lines that have none of their own: the line's time, then a SHA-256 over what the line says and
 * where it stands in its file (the line number tells two identical "hi" lines apart, and stays put while a log only
 * grows). Importing the same file again, or a copy of it, gives the same ids and so stores nothing twice.
 *
 * <p>The time comes first so that ids of a log read in order grow, and the store's unique index on them is appended
 * to at its end instead of written all over: with random ids a million-line import spent most of its time there.
 */
final class SourceIds {
    private static final HexFormat HEX = HexFormat.of();
    private final MessageDigest sha256;

    SourceIds() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    String of(String kind, long line, long epochMillis, String... fields) {
        sha256.update(kind.getBytes(StandardCharsets.UTF_8));
        update(line);
        update(epochMillis);
        for (String field : fields) {
            update(field);
        }
        // 80 bits of hash among the lines of one millisecond keep collisions out of reach and the index small.
        return HEX.toHexDigits(epochMillis).substring(4) + '-' + HEX.formatHex(sha256.digest(), 0, 10);
    }

    private void update(long number) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha256.update((byte) (number >>> shift));
        }
    }

    private void update(String field) {
        sha256.update((byte) 0);
        sha256.update(field.getBytes(StandardCharsets.UTF_8));
    }
}
