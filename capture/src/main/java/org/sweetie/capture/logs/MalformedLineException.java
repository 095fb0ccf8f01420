package org.sweetie.capture.logs;

/** A log line that cannot be read; the message says why, for the file:line report. */
final class MalformedLineException extends Exception {
    MalformedLineException(String reason) {
        super(reason, null, false, false);
    }
}
