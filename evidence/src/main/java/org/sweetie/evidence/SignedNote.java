package org.sweetie.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: the text (ending in a newline), a blank line, then one signature line per signer:
 * {@code — <key name> <base64(4-byte key id || signature)>} (the dash is U+2014).
 */
public record SignedNote(String text, List<Signature> signatures) {
    private static final String DASH = "\u2014 ";

    public SignedNote {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline");
        }
        signatures = List.copyOf(signatures);
    }

    public record Signature(String keyName, byte[] keyId, byte[] signature) {
    }

    /** The note as it is written: text, blank line, signature lines. */
    public String encoded() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (Signature s : signatures) {
            byte[] blob = new byte[4 + s.signature().length];
            System.arraycopy(s.keyId(), 0, blob, 0, 4);
            System.arraycopy(s.signature(), 0, blob, 4, s.signature().length);
            out.append(DASH).append(s.keyName()).append(' ').append(Base64.getEncoder().encodeToString(blob))
                    .append('\n');
        }
        return out.toString();
    }

    public static SignedNote parse(String encoded) {
        int split = encoded.lastIndexOf("\n\n");
        if (split < 0 || !encoded.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed note: no blank line before the signatures");
        }
        String text = encoded.substring(0, split + 1);
        List<Signature> signatures = new ArrayList<>();
        for (String line : encoded.substring(split + 2, encoded.length() - 1).split("\n", -1)) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("not a signature line: " + line);
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            byte[] blob;
            try {
                blob = parts.length == 2 ? Base64.getDecoder().decode(parts[1]) : new byte[0];
            } catch (IllegalArgumentException e) {
                blob = new byte[0];
            }
            if (blob.length < 5) {
                throw new IllegalArgumentException("malformed signature line: " + line);
            }
            signatures.add(new Signature(parts[0], Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4, blob.length)));
        }
        return new SignedNote(text, signatures);
    }

    byte[] textBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
