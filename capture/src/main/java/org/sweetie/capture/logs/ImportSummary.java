package org.sweetie.capture.logs;

/**
 * What an import did (in a dry run: would do).
 *
 * @param changedFiles logs not imported because the bytes imported from them before have changed
 * @param refusedFiles logs not imported because none of the persona's nicks appears in them
 * @param conversations conversations that received lines
 * @param messagesPresent messages whose source id was stored already (Sweetie's JSON Lines "id")
 * @param linesAlreadyImported lines an earlier import of the same file (or a copy) stored already
 * @param skippedLines channel lines that neither addressed nor mentioned the persona
 * @param clientLines the clients' own lines (log banners, dates, "Starting query"), which are not stored
 */
public record ImportSummary(int files, int skippedFiles, int changedFiles, int refusedFiles, int conversations,
                            long messagesAdded, long messagesPresent, long eventsAdded, long linesAlreadyImported,
                            long skippedLines, long rejectedLines, long clientLines) {

    @Override
    public String toString() {
        return "%d files (%d skipped, %d changed since imported, %d without the persona), %d conversations, "
                .formatted(files, skippedFiles, changedFiles, refusedFiles, conversations)
                + "%d messages and %d events added, ".formatted(messagesAdded, eventsAdded)
                + "%d lines already imported, %d messages already stored, %d channel lines not about the persona, "
                .formatted(linesAlreadyImported, messagesPresent, skippedLines)
                + "%d client lines not stored, %d lines rejected".formatted(clientLines, rejectedLines);
    }
}
