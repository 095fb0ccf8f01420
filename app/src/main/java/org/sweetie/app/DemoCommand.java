package org.sweetie.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweetie.capture.logs.ImportSummary;
import org.sweetie.capture.logs.LogImporter;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Persona;
import org.sweetie.evidence.BundleVerifier;
import org.sweetie.evidence.BundleWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The demonstration on the embedded default: bundled synthetic logs (non-graphic, fictional identifiers) imported
 * into a fresh SQLite store, then everything stored is printed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Imports the bundled synthetic sample conversations into a fresh embedded store "
                + "(DIR/demo.db), prints what was stored, exports them as a referral bundle and verifies it.")
final class DemoCommand implements Callable<Integer> {
    static final Persona PERSONA = new Persona("sweetie10", List.of("Sweetie10", "sweetie_ph"), 10, "PH",
            List.of("en", "tl"), "10 y/o girl from Cebu, likes drawing and K-pop");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "Folder for the demo store (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path db = data.resolve("demo.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        try (TempFolder logs = new TempFolder("sweetie-demo");
             Workspace workspace = StoreOptions.embedded(db.toString(), data.resolve("evidence.key")).open();
             var progress = new ImportCommand.Progress(spec.commandLine().getErr())) {
            ConversationStore store = workspace.store();
            copySamples(logs.path);
            out.println("Sweetie demo: importing the bundled synthetic logs as persona " + PERSONA.nicknames()
                    + " into " + db);
            ImportSummary summary = new LogImporter(store, PERSONA, ZoneOffset.UTC, null, progress)
                    .importPaths(List.of(logs.path));
            progress.close();
            out.println("Imported " + summary);
            out.println();
            for (Conversation c : store.conversations()) {
                Transcript.print(c, store, out);
                out.println();
            }
            out.println("Stored: " + store.counts());
            Path bundle = data.resolve("demo-referral.zip");
            var written = new BundleWriter(workspace.evidence(), Clock.systemUTC()).write(
                    store.conversations().stream().map(Conversation::id).toList(), "demo referral", bundle);
            out.println();
            out.println("Exported all " + written.conversations() + " conversations (" + written.entries()
                    + " evidence entries) to " + bundle + "; verifying it as a recipient would:");
            out.print(verify(bundle));
            out.println("Look again with: ./sweetie conversations --db " + db + "  and  ./sweetie transcript --db "
                    + db + " ID;  ./sweetie verify " + bundle);
        }
        return 0;
    }

    private static String verify(Path bundle) throws IOException {
        try {
            return BundleVerifier.verify(bundle).summary();
        } catch (BundleVerifier.BundleException e) {
            throw new IllegalStateException("the demo's own bundle does not verify: " + e.getMessage(), e);
        }
    }

    private static void copySamples(Path target) throws IOException {
        for (String name : resource("demo/index.txt").lines().toList()) {
            Path file = target.resolve(name);
            Files.createDirectories(file.getParent());
            try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
                if (in == null) {
                    throw new IOException("demo sample missing from the build: " + name);
                }
                Files.copy(in, file);
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
