package org.sweetie.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sweetie.capture.logs.ImportListener;
import org.sweetie.capture.logs.ImportSummary;
import org.sweetie.capture.logs.Rejection;
import org.sweetie.core.Conversation;
import org.sweetie.core.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Mixin
    LogOptions logs;

    @Option(names = "--network", paramLabel = "NAME",
            description = "Network name to use instead of the one the file or folder names.")
    String network;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Workspace workspace = store.open(); Progress progress = new Progress(err)) {
            ImportSummary summary = logs.importer(workspace.store(), network, progress).importPaths(logs.paths);
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
