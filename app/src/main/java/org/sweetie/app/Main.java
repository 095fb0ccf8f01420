package org.sweetie.app;

import picocli.CommandLine;

/** Entry point of the sweetie command. */
public final class Main {
    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    private Main() {
    }

    public static void main(String[] args) {
        // A library's log record is one line on stderr, like Sweetie's own messages: a date line above each and a
        // stack trace below would bury what an operator needs to read. Set on the command line to change it.
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "sweetie: %4$s: %5$s%n");
        }
        CommandLine commandLine = SweetieCommand.commandLine();
        int exitCode = commandLine.execute(args);
        // picocli's writers flush on println only: a report written with print() would be lost to System.exit
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }
}
