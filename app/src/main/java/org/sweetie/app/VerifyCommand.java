package org.sweetie.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweetie.core.Printable;
import org.sweetie.evidence.BundleLimits;
import org.sweetie.evidence.BundleVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies a referral bundle offline, with no store and no network: the zip's structure, "
                + "manifest, entry encodings, inclusion proofs, checkpoint signature, timestamp token, completeness of "
                + "every conversation and the transcripts.",
            "Exit 0 printing what the bundle holds and which key signed it; 1 with one line "
                + "'FAILED: <what> in <file>' naming the first thing that does not hold."})
final class VerifyCommand implements Callable<Integer> {
    private static final long MIB = 1L << 20;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.zip", description = "The bundle.")
    Path bundle;

    @Option(names = "--key", paramLabel = "VKEY",
            description = "The verifier key the sender gave you; the bundle must be signed with it.")
    String expectedKey;

    @Option(names = "--max-files", paramLabel = "N",
            description = "Refuse a zip of more files (default: 1000000).")
    Long maxFiles;

    @Option(names = "--max-file-mib", paramLabel = "MIB",
            description = "Refuse a file that inflates to more (default: 64 MiB).")
    Long maxFileMib;

    @Option(names = "--max-total-mib", paramLabel = "MIB",
            description = "Refuse a zip whose files inflate to more in all (default: 1024 MiB).")
    Long maxTotalMib;

    @Override
    public Integer call() {
        try {
            BundleVerifier.Report report = BundleVerifier.verify(bundle, limits());
            if (expectedKey != null && !report.key().toString().equals(expectedKey.strip())) {
                return failed("signed by " + report.key() + ", not by the key given with --key");
            }
            spec.commandLine().getOut().print(report.summary());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (BundleVerifier.BundleException e) {
            return failed(e.getMessage());
        } catch (NoSuchFileException e) {
            return failed("no such file");
        } catch (AccessDeniedException e) {
            return failed("not readable (permission denied)");
        } catch (IOException e) {
            return failed(Files.isDirectory(bundle) ? "a folder, not a bundle"
                    : "cannot be read (" + e.getMessage() + ")");
        }
    }

    private BundleLimits limits() {
        BundleLimits standard = BundleLimits.DEFAULT;
        try {
            return new BundleLimits(maxFiles != null ? maxFiles : standard.files(),
                    maxFileMib != null ? maxFileMib * MIB : standard.fileBytes(),
                    maxTotalMib != null ? maxTotalMib * MIB : standard.totalBytes());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** One line on stderr: what a bundle brought (names, messages) is shown escaped, never obeyed. */
    private int failed(String what) {
        spec.commandLine().getErr().println("FAILED: " + Printable.of(what) + " in " + Printable.of(bundle.toString()));
        spec.commandLine().getErr().flush();
        return 1;
    }
}
