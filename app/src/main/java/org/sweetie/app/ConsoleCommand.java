package org.sweetie.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.Printable;
import org.sweetie.store.RunLock;
import org.sweetie.web.Console;
import org.sweetie.web.ConsoleOptions;
import org.sweetie.web.ConsoleServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Serves the web console on a store until Ctrl-C: the analysts' workbench (conversations, "
                + "transcripts, suspects), the audit and the users, for the users 'sweetie users' added. Serve it "
                + "behind a TLS reverse proxy for anyone but this machine (docs/console.md)."})
final class ConsoleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ConsoleOptions.DEFAULT_BIND,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ConsoleOptions.DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Mixin
    ConsoleSessionOptions session;

    @Option(names = "--work", paramLabel = "DIR",
            description = "The console's working folder: referral packages built in the console are written here, "
                    + "uploaded bundles kept here while they are verified (default: a new temporary folder only "
                    + "this user can read).")
    java.nio.file.Path work;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleOptions options;
        try {
            options = new ConsoleOptions(bind, port, session.behindProxy, session.idle, Set.of(), work);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        // closed last (resources close in reverse): Ctrl-C waits until the console and the store are closed
        try (Stopping stopping = new Stopping(Duration.ofSeconds(30)); Workspace workspace = store.openExisting();
             RunLock claim = store.claim("console")) {
            if (workspace.store().users().all().stream().noneMatch(org.sweetie.core.User::enabled)) {
                err.println("sweetie console: no one can log in yet: add a user with 'sweetie users add NAME "
                        + "--role admin --db " + store.location + "'");
            }
            try (Console console = serve(workspace, options, org.sweetie.web.LiveDesk.NONE, out, err)) {
                stopping.await();
            }
        }
        return 0;
    }

    /**
     * Starts the console on a workspace (beside a live deployment when the desk is live) and says where it is.
     * Shared by 'console', 'run --console' and 'demo --console'.
     */
    static Console serve(Workspace workspace, ConsoleOptions options, org.sweetie.web.LiveDesk desk, PrintWriter out,
                         PrintWriter err) {
        Console console = Console.start(new ConsoleServices(workspace.store(), workspace.evidence(),
                Analyzer.standard(), Clock.systemUTC(), problem -> {
                    err.println("sweetie " + Printable.of(problem));
                    err.flush();
                }), options, desk);
        out.println("sweetie console on http://" + host(options.bind()) + ":" + console.port() + "/ (sessions end "
                + "after " + options.idle().toMinutes() + " min idle" + (desk.live() ? "; the desk is live" : "")
                + "; Ctrl-C stops it)");
        out.flush();
        return console;
    }

    /** The address as a browser takes it: a bare IPv6 address in brackets. */
    private static String host(String bind) {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
