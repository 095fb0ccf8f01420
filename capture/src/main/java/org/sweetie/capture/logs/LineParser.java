package org.sweetie.capture.logs;

/** Reads the lines of one log file in order; a parser may keep context from earlier lines (a date). */
interface LineParser {
    Entry parse(String line) throws MalformedLineException;
}
