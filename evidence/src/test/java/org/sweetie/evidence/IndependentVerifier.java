package org.sweetie.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The verify-bundle.py that Sweetie writes into every bundle, run by python3 as a recipient without Sweetie runs
 * it: many bundles to one process, which prints one line per bundle, "OK: ..." or "FAILED: <what> in <file>".
 */
final class IndependentVerifier {
    private static final int BUNDLES_PER_RUN = 500;

    private final Path script;

    /** The script as this build ships it, written next to the bundles. */
    IndependentVerifier(Path folder) throws IOException {
        this.script = Files.write(folder.resolve(Bundle.SCRIPT), Bundle.script());
    }

    /** One line per bundle, in the order given; a process per 500 bundles, all running at once. */
    List<String> verify(List<Path> bundles) throws IOException, InterruptedException {
        List<Run> runs = new ArrayList<>();
        for (int from = 0; from < bundles.size(); from += BUNDLES_PER_RUN) {
            runs.add(start(bundles.subList(from, Math.min(bundles.size(), from + BUNDLES_PER_RUN))));
        }
        List<String> lines = new ArrayList<>();
        for (Run run : runs) {
            lines.addAll(run.lines());
        }
        return lines;
    }

    private Run start(List<Path> bundles) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        bundles.forEach(b -> command.add(b.toString()));
        Path out = Files.createTempFile(script.getParent(), "python", ".out");
        Process python = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new Run(python, out, bundles.size());
    }

    /** One python3 process over some bundles, and the file its lines go to. */
    private record Run(Process python, Path out, int bundles) {
        List<String> lines() throws IOException, InterruptedException {
            if (!python.waitFor(5, TimeUnit.MINUTES)) {
                python.destroyForcibly();
                throw new AssertionError(Bundle.SCRIPT + " did not end within 5 minutes");
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            Files.delete(out);
            if (lines.size() != bundles) {
                throw new AssertionError(Bundle.SCRIPT + " printed " + lines.size() + " lines for " + bundles
                        + " bundles (exit " + python.exitValue() + "): " + lines);
            }
            return lines;
        }
    }
}
