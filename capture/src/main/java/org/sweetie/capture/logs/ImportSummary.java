package org.sweetie.capture.logs;

/**
 * What an import did.
 *
 * @param conversations conversations that received lines (new or already stored)
 * @param messagesPresent messages that were stored already, by an earlier import of the same lines
 * @param skippedLines channel lines that neither addressed nor mentioned the persona
 */
public record ImportSummary(int files, int skippedFiles, int conversations, long messagesAdded,
                            long messagesPresent, long eventsAdded, long eventsPresent, long skippedLines,
                            long rejectedLines) {

    @Override
    public String toString() {
        return "%d files (%d skipped), %d conversations, %d messages added (%d already stored), %d events added "
                .formatted(files, skippedFiles, conversations, messagesAdded, messagesPresent, eventsAdded)
                + "(%d already stored), %d channel lines not about the persona, %d lines rejected"
                .formatted(eventsPresent, skippedLines, rejectedLines);
    }
}
