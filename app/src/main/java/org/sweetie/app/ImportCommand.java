package org.sweetie.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sweetie.capture.logs.FilePlan;
import org.sweetie.capture.logs.ImportListener;
import org.sweetie.capture.logs.ImportSummary;
import org.sweetie.capture.logs.LogImporter;
import org.sweetie.capture.logs.Rejection;
import org.sweetie.core.Conversation;
import org.sweetie.core.Printable;
import org.sweetie.store.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports chat logs: WeeChat (irc.<server>.<nick>.weechatlog), irssi (<network>/<nick>.log) "
                + "and Sweetie JSON Lines (*.jsonl). Folders are searched. Importing the same lines again adds "
                + "nothing.", "Malformed lines are reported on stderr as FILE:LINE: REASON and skipped. A file with "
                + "messages in which none of the persona's nicks appears is refused and named on stderr; the other "
                + "files are imported and the command exits with 1. --dry-run shows first who and when."})
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

    @Option(names = "--dry-run",
            description = "Store nothing; show per file the persona's and partners' nicks, the first and last time "
                    + "in the zone given and in UTC, and the lines that would be added.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlanReport report = new PlanReport(out, logs.zone);
        try (Workspace workspace = store.open(); RunLock claim = store.claim("import");
             Progress progress = new Progress(err, (file, conversation) -> { }, report::print)) {
            LogImporter importer = logs.importer(workspace.inBatches(), network, progress);
            if (dryRun) {
                report.heading(logs.persona());
                importer = importer.dryRun();
            }
            ImportSummary summary = importer.importPaths(logs.paths);
            progress.close();
            out.println((dryRun ? "Dry run, nothing stored. Would import " : "Imported ") + summary);
            return refused(err, "import", summary, dryRun ? "checked" : "imported");
        }
    }

    /** Exit code 1 when files were refused, with a sentence saying so after their reasons. */
    static int refused(PrintWriter err, String command, ImportSummary summary, String othersWere) {
        if (summary.refusedFiles() == 0) {
            return 0;
        }
        err.println("sweetie " + command + ": " + summary.refusedFiles() + " of " + summary.files() + " files refused "
                + "because none of the persona's nicks appears in them (named above); the other files were "
                + othersWere);
        return 1;
    }

    /** Draws a progress bar on a terminal and reports rejected lines and skipped and refused files on stderr. */
    static final class Progress implements ImportListener, AutoCloseable {
        private final PrintWriter err;
        private final BiConsumer<Path, Conversation> onConversation;
        private final Consumer<FilePlan> onPlan;
        private ProgressBar bar;

        Progress(PrintWriter err) {
            this(err, (file, conversation) -> { });
        }

        /** Also tells which conversations each file holds. */
        Progress(PrintWriter err, BiConsumer<Path, Conversation> onConversation) {
            this(err, onConversation, plan -> { });
        }

        /** Also tells, in a dry run, what each file would store. */
        Progress(PrintWriter err, BiConsumer<Path, Conversation> onConversation, Consumer<FilePlan> onPlan) {
            this.err = err;
            this.onConversation = onConversation;
            this.onPlan = onPlan;
        }

        @Override
        public void conversation(Path file, Conversation conversation) {
            onConversation.accept(file, conversation);
        }

        @Override
        public void planned(FilePlan plan) {
            onPlan.accept(plan);
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
        public void refused(Path path, String reason) {
            err.println("refused " + Printable.of(path + ": " + reason)); // the nicks are the log's
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
