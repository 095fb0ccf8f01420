package org.sweetie.app;

import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** Entry point of the sweetie command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Smack logs through java.util.logging: into SLF4J with everything else, one line per event (logback.xml)
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        CommandLine commandLine = SweetieCommand.commandLine();
        int exitCode = commandLine.execute(args);
        // picocli's writers flush on println only: a report written with print() would be lost to System.exit
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }
}
