package org.sweetie.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One import run of one log file: how much of the file is in the store and what those bytes hash to. It is the
 * chain-of-custody record of an import (which file, which bytes, when), and what makes importing the same file
 * again add nothing: the next run checks the hash and goes on after those bytes.
 *
 * @param id the store's id, 0 before it is first recorded
 * @param headSha256 SHA-256 of the first {@value #HEAD_BYTES} bytes (or all, if fewer), to find copies of the file
 * @param bytes how many bytes from the start were imported, always ending at a line end
 * @param lines how many lines those bytes hold
 * @param sha256 SHA-256 of those bytes
 */
public record ImportedFile(long id, String path, String headSha256, long bytes, long lines, String sha256,
                           Instant importedAt) {
    public static final int HEAD_BYTES = 4096;

    public ImportedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headSha256, "headSha256");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(importedAt, "importedAt");
        if (bytes < 0 || lines < 0) {
            throw new IllegalArgumentException("negative size of an imported file");
        }
    }

    public ImportedFile withId(long newId) {
        return new ImportedFile(newId, path, headSha256, bytes, lines, sha256, importedAt);
    }
}
