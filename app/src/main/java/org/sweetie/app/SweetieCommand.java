package org.sweetie.app;

import java.io.PrintWriter;
import org.sweetie.capture.live.config.ConfigException;
import org.sweetie.core.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command. Exit codes follow picocli: 0 done, 1 failed (the reason on stderr), 2 bad usage.
 */
@Command(name = "sweetie", mixinStandardHelpOptions = true, version = "sweetie 0.1.0",
        description = "Captures and analyses chat conversations with child personas as evidence for referral to "
                + "the police.",
        subcommands = {ImportCommand.class, AnalyzeCommand.class, EvalCommand.class, ConversationsCommand.class, TranscriptCommand.class, ExportCommand.class,
            VerifyCommand.class, SuspectsCommand.class, ReferralsCommand.class, PurgeCommand.class, BackupCommand.class,
            RestoreCommand.class, EvidenceCommand.class, RunCommand.class, WriterCommand.class, OperatorCommand.class,
            GuardCommand.class, ConsoleCommand.class, UsersCommand.class, AuditCommand.class, KeysCommand.class,
            DemoCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class SweetieCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see sweetie --help)");
    }

    /** The command line with Sweetie's error handling: one line on stderr naming the problem, no stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SweetieCommand());
        // One writer each for the whole command tree (setting one hands it to every subcommand), so that Main can
        // flush what any command printed before the JVM exits.
        commandLine.setOut(commandLine.getOut());
        commandLine.setErr(commandLine.getErr());
        commandLine.registerConverter(java.time.Duration.class, text -> org.sweetie.core.Durations.parse(text)
                .orElseThrow(() -> new CommandLine.TypeConversionException("expected "
                        + org.sweetie.core.Durations.EXAMPLES + ", got '" + text + "'")));
        // A usage error is the reason and where to read more; the whole help text would push the reason off screen.
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine cl = e.getCommandLine();
            PrintWriter err = cl.getErr();
            err.println("sweetie " + cl.getCommandName() + ": " + Printable.of(describe(e)));
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            PrintWriter err = cl.getErr();
            // A message may quote what a log or a chat partner wrote: shown, never obeyed by the terminal.
            err.println("sweetie " + cl.getCommandName() + ": " + Printable.of(describe(e)));
            err.flush();
            // sysexits: a configuration that cannot be used is EX_CONFIG, anything else a software error
            return e instanceof ConfigException ? 78 : CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine;
    }

    private static String describe(Throwable e) {
        // The JDK's file errors carry only the path as their message: say what happened to it
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            String what = switch (f) {
                case java.nio.file.NoSuchFileException n -> "no such file or folder";
                case java.nio.file.NotDirectoryException n -> "not a folder";
                case java.nio.file.AccessDeniedException a -> "permission denied";
                case java.nio.file.FileAlreadyExistsException a -> "already exists";
                case java.nio.file.DirectoryNotEmptyException d -> "folder not empty";
                default -> f.getReason() == null ? "cannot use it" : f.getReason();
            };
            return what + ": " + f.getFile() + (f.getOtherFile() == null ? "" : " (and " + f.getOtherFile() + ")");
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
