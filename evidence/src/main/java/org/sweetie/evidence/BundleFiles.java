package org.sweetie.evidence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bundle's files as the verifier sees them: the SHA-256 of every file, and the bytes of the files it parses.
 * Transcripts and the README are only hashed, so verifying needs memory for the entries and proofs alone.
 */
record BundleFiles(Map<String, Content> byName) {
    BundleFiles {
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** One file: its SHA-256 and, when the verifier parses it, its bytes (else null). */
    record Content(byte[] sha256, byte[] bytes) {
    }

    /** Files held in memory, as tests and tools build them: all kept. */
    static BundleFiles of(Map<String, byte[]> files) {
        Map<String, Content> contents = new LinkedHashMap<>();
        files.forEach((name, bytes) -> contents.put(name, new Content(TreeHash.sha256(bytes), bytes)));
        return new BundleFiles(contents);
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }
}
