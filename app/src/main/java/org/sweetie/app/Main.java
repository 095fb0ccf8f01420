package org.sweetie.app;

import picocli.CommandLine;

/** Entry point of the sweetie command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = SweetieCommand.commandLine();
        int exitCode = commandLine.execute(args);
        // picocli's writers flush on println only: a report written with print() would be lost to System.exit
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }
}
