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
import org.sweetie.referral.CaseValidator;

/** `sweetie referrals` on the demo's data, read back as a recipient would. */
class ReferralsTest {
    @TempDir
    Path folder;

    @Test
    void theDemoDataGivesPerCountryPackagesWhoseBundlesVerifyAndWhoseDossiersQuoteEveryIdentifier()
            throws IOException {
        assertThat(CliTest.sweetie("demo", "--data", folder.toString(), "--partners", "20").exitCode()).isZero();
        Path out = folder.resolve("referrals");
        CliTest.Run run = CliTest.sweetie("referrals", "--db", folder.resolve("demo.db").toString(), "--key",
                folder.resolve("evidence.key").toString(), "--out", out.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("bundles verify").contains("contacts  solicitation   WCST  identified");

        List<Path> bundles;
        try (Stream<Path> files = Files.walk(out)) {
            bundles = files.filter(f -> f.toString().endsWith("-bundle.zip")).toList();
        }
        assertThat(bundles).isNotEmpty();
        assertThat(bundles.stream().map(b -> b.getParent().getFileName().toString()).distinct().count())
                .as("country folders").isGreaterThan(1);
        for (Path bundle : bundles) {
            assertThat(CliTest.sweetie("verify", bundle.toString()).exitCode()).as(bundle.toString()).isZero();
        }
        CaseValidator validator = new CaseValidator();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path caseFile : files.filter(f -> f.getFileName().toString().equals("case.jsonld")).toList()) {
                assertThat(validator.problems(Files.readString(caseFile))).as(caseFile.toString()).isEmpty();
            }
        }

        // The imported sample: dave_uk reveals a Skype name, a phone and an email; the dossier quotes each source.
        Path gb = out.resolve("GB");
        String index = Files.readString(gb.resolve("index.csv"));
        assertThat(index.lines().skip(1)).allMatch(l -> l.matches("\\d+,\\d+,\\w+,\\w+,.*"));
        String dossier = text(gb.resolve(index.lines().skip(1).findFirst().orElseThrow().split(",")[6]));
        assertThat(dossier).contains("Identification level: identified").contains("For law enforcement only");
        for (String line : dossier.split("\n")) {
            if (line.matches("^(email|phone|skype|paypal|name|location|age): .*")) {
                assertThat(line).as("identifier with its source").contains(" by ").contains("message");
            }
        }
        assertThat(dossier).containsPattern("skype: \\S+ by dave_uk@\\S+, #\\d+ message \\d+, [-0-9 :]+Z, dave_uk: \"");
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
