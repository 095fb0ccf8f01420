package org.sweetie.capture.logs;

/**
 * What an import did.
 *
 * @param changedFiles logs not imported because the bytes imported from them before have changed
 * @param conversations conversations that received lines
 * @param messagesPresent messages whose source id was stored already (Sweetie's JSON Lines "id")
 * @param linesAlreadyImported lines an earlier import of the same file (or a copy) stored already
 * @param skippedLines channel lines that neither addressed nor mentioned the persona
 */
public record ImportSummary(int files, int skippedFiles, int changedFiles, int conversations, long messagesAdded,
                            long messagesPresent, long eventsAdded, long linesAlreadyImported, long skippedLines,
                            long rejectedLines) {

    @Override
    public String toString() {
        return "%d files (%d skipped, %d changed since imported), %d conversations, %d messages and %d events added, "
                .formatted(files, skippedFiles, changedFiles, conversations, messagesAdded, eventsAdded)
                + "%d lines already imported, %d messages already stored, %d channel lines not about the persona, "
                .formatted(linesAlreadyImported, messagesPresent, skippedLines)
                + "%d lines rejected".formatted(rejectedLines);
    }
}
