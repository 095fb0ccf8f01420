package org.sweetie.capture.logs;

import java.nio.file.Path;

/** A line that was not imported, and why. Printed as {@code file:line: reason}, as compilers do. */
public record Rejection(Path file, long line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
