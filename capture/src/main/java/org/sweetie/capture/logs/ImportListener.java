package org.sweetie.capture.logs;

import java.nio.file.Path;

/** Hears how an import goes, for progress bars and reports. Every method may be called often; keep them cheap. */
public interface ImportListener {
    ImportListener SILENT = new ImportListener() {
    };

    /** The import will read this many bytes in all. */
    default void starting(long totalBytes) {
    }

    /** Bytes read so far, over all files. */
    default void progressed(long bytesSoFar) {
    }

    default void rejected(Rejection rejection) {
    }

    /** A log holds lines of this conversation (told once per file and conversation). */
    default void conversation(Path file, org.sweetie.core.Conversation conversation) {
    }

    /** A path that was given or found but is not imported at all (not a log, unreadable). */
    default void skippedFile(Path path, String reason) {
    }

    /** A log that is not imported because none of the persona's nicks appears in it; the reason names its nicks. */
    default void refused(Path path, String reason) {
    }

    /** In a dry run: what importing one file would store. */
    default void planned(FilePlan plan) {
    }
}
