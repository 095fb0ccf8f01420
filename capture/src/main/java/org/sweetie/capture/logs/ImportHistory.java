package org.sweetie.capture.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.ImportedFile;

/**
 * What earlier imports stored of a file. A log only grows, so an earlier run's bytes must still be the file's first
 * bytes: then the import goes on after them. When the bytes last imported from this path have changed, the file is
 * not imported again, because the same lines would be stored twice and a log that changed after it was taken is
 * something an investigator must look at.
 */
final class ImportHistory {
    private ImportHistory() {
    }

    /** Where to start: after the lines of the longest earlier run whose bytes this file still begins with. */
    record Start(long lines, long bytes, String headSha256) {
    }

    /** The file no longer begins with the bytes imported from it before. */
    static final class ChangedLogException extends Exception {
        ChangedLogException(String message) {
            super(message, null, false, false);
        }
    }

    static Start find(ConversationStore store, Path path) throws IOException, ChangedLogException {
        long size = Files.size(path);
        String head = head(path, size);
        List<ImportedFile> earlier = store.importedFiles(path.toString(), head).stream()
                .sorted(Comparator.comparingLong(ImportedFile::bytes)).toList();
        if (earlier.isEmpty()) {
            return new Start(0, 0, head);
        }
        ImportedFile matched = longestPrefix(path, size, earlier);
        ImportedFile lastHere = earlier.stream().filter(f -> f.path().equals(path.toString()))
                .max(Comparator.comparingLong(ImportedFile::id)).orElse(null);
        if (lastHere != null && (matched == null || matched.bytes() < lastHere.bytes())) {
            throw new ChangedLogException("changed since it was imported at " + lastHere.importedAt()
                    + ": its first " + lastHere.bytes() + " bytes no longer have SHA-256 " + lastHere.sha256()
                    + "; not imported again");
        }
        return matched == null ? new Start(0, 0, head) : new Start(matched.lines(), matched.bytes(), head);
    }

    /** Reads the file once, checking each earlier run's hash where its bytes end. */
    private static ImportedFile longestPrefix(Path path, long size, List<ImportedFile> ascending)
            throws IOException {
        MessageDigest digest = Sha256.digest();
        ImportedFile matched = null;
        long read = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (ImportedFile run : ascending) {
                if (run.bytes() > size) {
                    break;
                }
                while (read < run.bytes()) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, run.bytes() - read));
                    if (n < 0) {
                        return matched;
                    }
                    digest.update(buffer, 0, n);
                    read += n;
                }
                if (Sha256.hexSoFar(digest).equals(run.sha256())) {
                    matched = run;
                }
            }
        }
        return matched;
    }

    private static String head(Path path, long size) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = Sha256.digest();
            digest.update(in.readNBytes((int) Math.min(size, ImportedFile.HEAD_BYTES)));
            return Sha256.hexSoFar(digest);
        }
    }
}
