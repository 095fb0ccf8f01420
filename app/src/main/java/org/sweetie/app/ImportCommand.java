package org.sweetie.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sweetie.capture.logs.ImportListener;
import org.sweetie.capture.logs.ImportSummary;
import org.sweetie.capture.logs.LogImporter;
import org.sweetie.capture.logs.Rejection;
import org.sweetie.core.Conversation;
import org.sweetie.core.Persona;
import org.sweetie.core.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports chat logs: WeeChat (irc.<server>.<nick>.weechatlog), irssi (<network>/<nick>.log) "
                + "and Sweetie JSON Lines (*.jsonl). Folders are searched. Importing the same lines again adds "
                + "nothing.", "Malformed lines are reported on stderr as FILE:LINE: REASON and skipped."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--persona", required = true, split = ",", paramLabel = "NICK",
            description = "The persona's nicks; lines by them are the persona's, all others the partner's. "
                    + "The first is the persona's handle.")
    List<String> personaNicks;

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "Time zone of the clock times in WeeChat and irssi logs (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--network", paramLabel = "NAME",
            description = "Network name to use instead of the one the file or folder names.")
    String network;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders of logs.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Persona persona = Persona.ofNicknames(personaNicks);
        try (Workspace workspace = store.open(); Progress progress = new Progress(err)) {
            LogImporter importer = new LogImporter(workspace.store(), persona, zone, network, progress);
            ImportSummary summary = importer.importPaths(paths);
            progress.close();
            out.println("Imported " + summary);
            return 0;
        }
    }

    /** Draws a progress bar on a terminal and reports rejected lines and skipped files on stderr. */
    static final class Progress implements ImportListener, AutoCloseable {
        private final PrintWriter err;
        private final BiConsumer<Path, Conversation> onConversation;
        private ProgressBar bar;

        Progress(PrintWriter err) {
            this(err, (file, conversation) -> { });
        }

        /** Also tells which conversations each file holds. */
        Progress(PrintWriter err, BiConsumer<Path, Conversation> onConversation) {
            this.err = err;
            this.onConversation = onConversation;
        }

        @Override
        public void conversation(Path file, Conversation conversation) {
            onConversation.accept(file, conversation);
        }

        @Override
        public void starting(long totalBytes) {
            if (Terminal.stderrIsTerminal()) {
                bar = new ProgressBarBuilder().setTaskName("import").setInitialMax(totalBytes)
                        .setUnit(" MiB", 1 << 20).setStyle(ProgressBarStyle.ASCII).showSpeed()
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }
        }

        @Override
        public void progressed(long bytesSoFar) {
            if (bar != null) {
                bar.stepTo(bytesSoFar);
            }
        }

        @Override
        public void rejected(Rejection rejection) {
            err.println(Printable.of(rejection.toString())); // the reason may quote the log line
        }

        @Override
        public void skippedFile(Path path, String reason) {
            err.println("skipped " + Printable.of(reason));
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
            err.flush();
        }
    }
}
