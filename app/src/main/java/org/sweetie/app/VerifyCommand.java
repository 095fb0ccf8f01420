package org.sweetie.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweetie.core.Printable;
import org.sweetie.evidence.BundleVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies a referral bundle offline, with no store and no network: manifest, entry encodings, "
                + "inclusion proofs, checkpoint signature, timestamp token, completeness of every conversation and "
                + "the transcripts.", "Exit 0 when everything holds; 1 naming the first thing that does not."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.zip", description = "The bundle.")
    Path bundle;

    @Option(names = "--key", paramLabel = "VKEY",
            description = "The verifier key the sender gave you; the bundle must be signed with it.")
    String expectedKey;

    @Override
    public Integer call() throws IOException {
        try {
            BundleVerifier.Report report = BundleVerifier.verify(bundle);
            if (expectedKey != null && !report.key().toString().equals(expectedKey.strip())) {
                spec.commandLine().getErr().println("sweetie verify: " + bundle + ": signed by "
                        + Printable.of(report.key().toString()) + ", not by the key given with --key");
                return 1;
            }
            spec.commandLine().getOut().print(report.summary());
            return 0;
        } catch (BundleVerifier.BundleException e) {
            spec.commandLine().getErr().println("sweetie verify: " + bundle + ": FAILED: "
                    + Printable.of(e.getMessage()));
            return 1;
        }
    }
}
