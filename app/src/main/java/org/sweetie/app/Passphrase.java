package org.sweetie.app;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where a passphrase comes from, as restic and borg take theirs: {@code --passphrase-file FILE}, else the environment
 * variable {@code SWEETIE_PASSPHRASE}, else a prompt on the terminal. None of them: an error saying how to give one.
 */
final class Passphrase {
    static final String VARIABLE = "SWEETIE_PASSPHRASE";

    private Passphrase() {
    }

    static char[] read(Path file, Map<String, String> environment, Console console, String prompt) throws IOException {
        if (file != null) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            // the file's last line break is not part of the passphrase (echo and editors add one)
            return nonEmpty(text.endsWith("\n") ? text.substring(0, text.length() - 1).replaceFirst("\r$", "") : text,
                    "the passphrase file " + file + " is empty");
        }
        String variable = environment.get(VARIABLE);
        if (variable != null) {
            return nonEmpty(variable, "$" + VARIABLE + " is empty");
        }
        if (console == null) {
            throw new IllegalArgumentException("a passphrase is needed: set $" + VARIABLE + ", give --passphrase-file "
                    + "FILE, or run this on a terminal to be asked for it");
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("no passphrase was typed");
        }
        return typed;
    }

    /** Asks twice on a terminal (a typo would lock the backup for good); elsewhere as {@link #read}. */
    static char[] readNew(Path file, Map<String, String> environment, Console console) throws IOException {
        char[] first = read(file, environment, console, "Passphrase for the backup: ");
        if (file == null && environment.get(VARIABLE) == null) {
            char[] again = console.readPassword("Same passphrase again: ");
            if (!Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passphrases differ");
            }
        }
        return first;
    }

    private static char[] nonEmpty(String text, String problem) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
        return text.toCharArray();
    }
}
