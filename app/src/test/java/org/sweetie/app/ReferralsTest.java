package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.evidence.BundleVerifier;
import org.sweetie.referral.CaseValidator;

/** `sweetie referrals` on the demo's data, read back as a recipient would. */
class ReferralsTest {
    @TempDir
    Path folder;

    @Test
    void theDemoDataGivesPackagesWhoseBundlesVerifyAndWhoseDossiersQuoteEveryIdentifier() throws Exception {
        CliTest.Run demo = CliTest.sweetie("demo", "--data", folder.toString(), "--partners", "20");
        assertThat(demo.exitCode()).isZero();
        assertThat(demo.out()).contains("Referral packages from \"Demo NGO (synthetic data)\"");
        assertThat(folder.resolve("referrals/unassigned/README.txt")).exists();
        Path out = folder.resolve("referrals-by-test");
        // the demo's key file opens with its printed passphrase
        assertThat(demo.out()).contains(DemoCommand.DEMO_PASSPHRASE);
        Path passphrase = Files.writeString(folder.resolve("demo-passphrase"), DemoCommand.DEMO_PASSPHRASE);
        CliTest.Run run = CliTest.sweetie("referrals", "--db", folder.resolve("demo.db").toString(), "--key",
                folder.resolve("demo.keys").toString(), "--passphrase-file", passphrase.toString(), "--out", out.toString(), "--organisation",
                "Test NGO (synthetic data)", "--contact", "referrals@example.org", "--case-reference", "CASE-7");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("bundles verify").contains("contacts  solicitation   WCST  identified");

        List<Path> bundles;
        try (Stream<Path> files = Files.walk(out)) {
            bundles = files.filter(f -> f.toString().endsWith("-bundle.zip")).toList();
        }
        assertThat(bundles).isNotEmpty();
        String signer = BundleVerifier.verify(bundles.getFirst()).key().toString();
        for (Path bundle : bundles) {
            assertThat(CliTest.sweetie("verify", bundle.toString()).exitCode()).as(bundle.toString()).isZero();
        }
        try (Stream<Path> folders = Files.list(out)) {
            assertThat(folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()))
                    .contains("GB", "unassigned").doesNotContain("unknown")
                    .allSatisfy(name -> assertThat(out.resolve(name).resolve("index.html")).exists());
        }
        CaseValidator validator = new CaseValidator();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path caseFile : files.filter(f -> f.getFileName().toString().equals("case.jsonld")).toList()) {
                assertThat(validator.problems(Files.readString(caseFile))).as(caseFile.toString()).isEmpty();
            }
        }

        // The imported sample: dave_uk reveals a Skype name and a phone; the dossier quotes each source.
        Path gb = out.resolve("GB");
        String index = Files.readString(gb.resolve("index.csv"));
        assertThat(index.lines().skip(1)).allMatch(l -> l.matches("\\d+,\\d+,\\w+,\\w+,.*"));
        String dossier = text(gb.resolve(index.lines().skip(1).findFirst().orElseThrow().split(",")[6]));
        assertThat(dossier).contains("Identification level: identified").contains("For law enforcement only")
                .contains("Sent by: Test NGO (synthetic data)").contains("Case reference: CASE-7, suspect ");
        assertThat(dossier.replaceAll("\\s+", "")).contains("Verifierkey:" + signer);
        assertThat(dossier).containsPattern("skype: dave.example.uk, by dave_uk on examplenet\\s+conversation \\d+, "
                + "message 12, 2013-10-02 21:14:20 UTC, dave_uk: \u201cmy name is dave, add me on skype\\s+"
                + "dave.example.uk\u201d");
        assertThat(dossier).contains("21:11:02 #4 Sweetie10 (operator imported): 10");

        // jan only writes Dutch (confidence 0.20): he is left for the sender's own triage, not sent to NL
        String unassigned = Files.readString(out.resolve("unassigned/index.csv"));
        String jan = unassigned.lines().filter(l -> l.contains("jan@chat.example.org on chat.example.org"))
                .findFirst().orElseThrow();
        String janDossier = text(out.resolve("unassigned").resolve(jan.split(",")[6]));
        assertThat(janDossier).contains("Routed to: not assigned to a country: the best guess, NL, has confidence "
                + "0.20, below the threshold 0.30").contains("Sweetie10 (operator op-anna): what is your name?")
                .doesNotContain("@chat.example.org@");
        assertThat(out.resolve("NL")).doesNotExist();
    }

    @Test
    void theSenderMustBeNamedAndThePackageGoesToAFolderOfItsOwn() throws IOException {
        String db = folder.resolve("empty.db").toString();
        String key = folder.resolve("evidence.key").toString();
        CliTest.Run noSender = CliTest.sweetie("referrals", "--db", db, "--key", key, "--out",
                folder.resolve("a").toString(), "--contact", "x@example.org");
        assertThat(noSender.exitCode()).isEqualTo(2);
        assertThat(noSender.err()).contains("--organisation is required");
        CliTest.Run noContact = CliTest.sweetie("referrals", "--db", db, "--key", key, "--out",
                folder.resolve("a").toString(), "--organisation", "Test NGO");
        assertThat(noContact.exitCode()).isEqualTo(2);
        assertThat(noContact.err()).contains("--contact is required");
        CliTest.Run badThreshold = CliTest.sweetie("referrals", "--db", db, "--key", key, "--out",
                folder.resolve("a").toString(), "--organisation", "Test NGO", "--contact", "x@example.org",
                "--min-confidence", "1.5");
        assertThat(badThreshold.exitCode()).isEqualTo(2);
        assertThat(badThreshold.err()).contains("--min-confidence").contains("at most 1");
        Path used = Files.createDirectories(folder.resolve("used"));
        Files.writeString(used.resolve("old.txt"), "an earlier package");
        CliTest.Run notEmpty = CliTest.sweetie("referrals", "--db", db, "--key", key, "--out", used.toString(),
                "--organisation", "Test NGO", "--contact", "x@example.org");
        assertThat(notEmpty.exitCode()).isEqualTo(2);
        assertThat(notEmpty.err()).contains("is not empty");
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
