package org.sweetie.capture.logs;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads a log one line at a time with constant memory, whatever the file's size: lines end at LF (a CR before it is
 * dropped); a line longer than {@link #MAX_LINE_BYTES} is not held in memory but reported as too long and skipped.
 * It keeps the SHA-256 of every byte consumed, so that an import can record exactly which bytes it read.
 */
final class LogLines {
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final MessageDigest digest;
    private final LineDecoder decoder = new LineDecoder();
    private final byte[] buffer = new byte[1 << 16];
    private int bufferEnd;
    private int bufferPos;
    private byte[] line = new byte[256];
    private long number;
    private long position;

    /** One line of a log: its 1-based number and its text, or why it has none. */
    record Line(long number, String text, String problem) {
    }

    LogLines(InputStream in) {
        this.in = in;
        this.digest = Sha256.digest();
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean sawAnything = false;
        int segment = bufferPos;
        while (true) {
            if (bufferPos == bufferEnd) {
                consumed(segment, bufferPos);
                // what was just digested is behind us: a last line without LF must not be digested again below
                segment = bufferPos;
                if (!fill()) {
                    if (!sawAnything) {
                        return null;
                    }
                    break;
                }
                segment = 0;
            }
            sawAnything = true;
            byte b = buffer[bufferPos++];
            if (b == '\n') {
                break;
            }
            if (tooLong) {
                continue;
            }
            if (length == MAX_LINE_BYTES) {
                tooLong = true;
                continue;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE_BYTES));
            }
            line[length++] = b;
        }
        consumed(segment, bufferPos);
        number++;
        if (tooLong) {
            return new Line(number, null, "line longer than " + MAX_LINE_BYTES + " bytes");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        String text = decoder.decode(line, length);
        if (number == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark some editors write; not part of the first line
        }
        return new Line(number, text, null);
    }

    private void consumed(int from, int to) {
        if (to > from) {
            digest.update(buffer, from, to - from);
            position += to - from;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        bufferPos = 0;
        bufferEnd = n;
        return true;
    }

    /** Bytes of the log read up to the end of the last line returned. */
    long position() {
        return position;
    }

    /** Lines returned so far. */
    long lines() {
        return number;
    }

    /** The SHA-256 of the bytes up to {@link #position()}, as hex. */
    String sha256() {
        return Sha256.hexSoFar(digest);
    }
}
