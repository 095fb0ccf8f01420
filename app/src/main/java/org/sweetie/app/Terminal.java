package org.sweetie.app;

/**
 * Whether stderr is a terminal, which decides if a progress bar is drawn. The launcher script knows for sure
 * ({@code [ -t 2 ]}) and says so in a system property; without it, a console means a terminal.
 */
final class Terminal {
    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        String told = System.getProperty("sweetie.stderr.tty");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }
}
