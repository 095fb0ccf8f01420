package org.sweetie.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dossier of the synthetic case, read back as a court's PDF/A validator and a recipient's PDF reader would. */
class DossierPdfTest {
    @TempDir
    static Path folder;
    static Path dossier;
    static String text;

    @BeforeAll
    static void writeThePackage() throws IOException {
        Path out = SyntheticCase.write(folder, new Routing(Routing.DEFAULT_MIN_CONFIDENCE));
        try (var files = Files.list(out.resolve("GB"))) {
            dossier = files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow();
        }
        try (PDDocument document = Loader.loadPDF(dossier.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
    }

    /**
     * PDFBox's preflight validates PDF/A-1b only: everything it checks must hold but the part number (the file says
     * part 2). What PDF/A-2b adds or changes is checked here: version header, XMP identification, the sRGB output
     * intent, every font embedded, no transparency.
     */
    @Test
    void theDossierIsPdfA2b() throws Exception {
        ValidationResult result = PreflightParser.validate(dossier.toFile());
        assertThat(result.getErrorsList()).extracting(e -> e.getErrorCode() + " " + e.getDetails())
                .containsExactly("7.11.2 Error on MetaData, part must be 1");

        byte[] bytes = Files.readAllBytes(dossier);
        assertThat(new String(bytes, 0, 9, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.7\n");
        try (PDDocument document = Loader.loadPDF(dossier.toFile())) {
            XMPMetadata xmp;
            try (InputStream in = document.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                xmp = new DomXmpParser().parse(in.readAllBytes());
            }
            PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            assertThat(id.getPart()).isEqualTo(2);
            assertThat(id.getConformance()).isEqualTo("B");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(document.getDocumentInformation().getTitle());
            assertThat(xmp.getDublinCoreSchema().getCreators())
                    .containsExactly(SyntheticCase.SENDER.organisation());

            List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
            assertThat(intents).singleElement().satisfies(intent -> {
                assertThat(intent.getCOSObject().getNameAsString(COSName.S)).isEqualTo("GTS_PDFA1");
                assertThat(intent.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
                assertThat(intent.getDestOutputIntent().getInt(COSName.N)).isEqualTo(3);
            });

            int fonts = 0;
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2())
                            .as(font.getName()).isNotNull();
                    fonts++;
                }
                for (COSName name : resources.getExtGStateNames()) {
                    PDExtendedGraphicsState state = resources.getExtGState(name);
                    assertThat(state.getSoftMask()).isNull();
                    assertThat(state.getNonStrokingAlphaConstant()).isIn(null, 1f);
                    assertThat(state.getStrokingAlphaConstant()).isIn(null, 1f);
                }
                assertThat(page.getCOSObject().getDictionaryObject(COSName.GROUP)).as("transparency group").isNull();
            }
            assertThat(fonts).isGreaterThanOrEqualTo(4); // Latin, Arabic, Thai, CJK at least
        }
    }

    @Test
    void theCoverNamesTheSenderTheCaseTheContactTheDateAndTheVerifierKey() {
        assertThat(text).contains("Sent by: Test NGO (synthetic data)").contains("Contact: referrals@example.org")
                .contains("Case reference: CASE-2026-0042").contains("Made: 2026-11-30 12:00:00 UTC")
                .contains("For law enforcement only");
        assertThat(squeezed(text)).contains("Verifierkey:" + SyntheticCase.VERIFIER_KEY);
        assertThat(text).contains("python3").contains("verify-bundle.py").contains("Python 3");
        assertThat(text).doesNotContain("sweetie verify").doesNotContain("docs/referrals.md and");
    }

    @Test
    void everyLineOfEveryConversationIsThere() {
        List<String> lines = new ArrayList<>(SyntheticCase.IVAN);
        lines.addAll(SyntheticCase.IVAN_PERSONA);
        String all = squeezed(text);
        for (String line : lines) {
            assertThat(all).as(line).contains(squeezed(line));
        }
        assertThat(text).contains("Sweetie10 (bot): im 10").contains("Sweetie10 (operator op-anna): what is that?");
        assertThat(text).contains("QUALIFIED: WCST").contains("identifier: phone +447700900456");
    }

    @Test
    void cyrillicThaiArabicAndChineseAreTextNotEscapes() {
        assertThat(text).contains("ivan_x: привет").contains("ivan_x: สวัสดี").contains("ivan_x: مرحبا")
                .contains("ivan_x: 你好");
        assertThat(text).doesNotContain("<U+");
    }

    @Test
    void theMessageInWhichHeLearnedHerAgeIsQuoted() {
        assertThat(text).contains("Stated age: 10 years").contains("Cover country: PH (Philippines)");
        assertThat(text).containsPattern("Conversation \\d+, the persona's line \\(she states an age under 18: "
                + "\"10\"\\):\\s+conversation \\d+, message 2, 2026-11-02 19:00:17 UTC, Sweetie10 \\(bot\\): "
                + "\u201cim 10\u201d");
    }

    @Test
    void identifiersAndAccountsComeWithTheirQuotedMessageAndNoListIsPrintedAsAProgramPrintsIt() {
        assertThat(text).containsPattern("phone: \\+447700900456, by ivan_x on examplenet\\s+conversation \\d+, "
                + "message \\d+, 2026-11-02 [0-9:]+ UTC, ivan_x: \u201ctext me \\+44 7700 900456\u201d");
        assertThat(text).containsPattern("ivan_x on examplenet \\(IRC\\)\\s+conversation \\d+, "
                + "message 1, ");
        assertThat(Pattern.compile("\\[[^\\]\\n]*\\]").matcher(text).find()).as("[a, b] in:\n" + text).isFalse();
        assertThat(text).doesNotContain("@examplenet").doesNotContain("#1 message");
    }

    @Test
    void everyPageSaysItsNumberAndHowManyThereAre() throws IOException {
        try (PDDocument document = Loader.loadPDF(dossier.toFile())) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            for (int i = 1; i <= pages; i++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                assertThat(stripper.getText(document)).contains("page " + i + " of " + pages)
                        .contains("Case CASE-2026-0042, suspect ");
            }
        }
    }

    @Test
    void aWordLongerThanALineWrapsInsideThePage() throws IOException {
        float[] right = {0};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String string, List<TextPosition> positions) throws IOException {
                for (TextPosition p : positions) {
                    right[0] = Math.max(right[0], p.getXDirAdj() + p.getWidthDirAdj());
                }
                super.writeString(string, positions);
            }
        };
        try (PDDocument document = Loader.loadPDF(dossier.toFile())) {
            String wrapped = stripper.getText(document);
            assertThat(squeezed(wrapped)).contains(SyntheticCase.LONG_WORD);
            assertThat(wrapped).doesNotContain(SyntheticCase.LONG_WORD); // it did not fit on one line
            assertThat(right[0]).isLessThanOrEqualTo(document.getPage(0).getMediaBox().getWidth() - 49);
        }
    }

    private static String squeezed(String s) {
        return s.replaceAll("\\s+", "");
    }
}
