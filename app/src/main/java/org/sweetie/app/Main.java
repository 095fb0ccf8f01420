package org.sweetie.app;

/** Entry point of the sweetie command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SweetieCommand.commandLine().execute(args));
    }
}
