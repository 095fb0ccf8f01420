package org.sweetie.app;

/**
 * Whether stderr is a terminal, which decides if a progress bar is drawn. The launcher script knows for sure
 * ({@code [ -t 2 ]}) and says so in a system property; without it, a console means a terminal.
 */
final class Terminal {
    private Terminal() {
    }

    /** Whether standard input is a terminal (to ask for a password without echo): only when the launcher says so. */
    static boolean stdinIsTerminal() {
        return Boolean.parseBoolean(System.getProperty("sweetie.stdin.tty"));
    }

    static boolean stderrIsTerminal() {
        String told = System.getProperty("sweetie.stderr.tty");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }
}
