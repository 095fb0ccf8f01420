package org.sweetie.referral;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders a dossier to PDF with PDFBox: A4, Helvetica, wrapped lines, a page break when a page is full. The
 * standard fonts cover Western European text; any other character is written as its code point ({@code <U+1F4B5>})
 * so nothing is dropped silently (the referral bundle beside the dossier holds every message exactly).
 */
public final class DossierPdf {
    private static final float MARGIN = 50;
    private static final float SIZE = 9.5f;
    private static final float LEADING = 12.5f;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private DossierPdf() {
    }

    public static void write(Dossier dossier, Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(dossier.title());
            info.setCreator("Sweetie");
            info.setSubject("For law enforcement only. Not for publication.");
            Pages pages = new Pages(document);
            pages.line(dossier.title(), Style.TITLE);
            pages.line("For law enforcement only. Not for publication.", Style.PLAIN);
            for (Dossier.Section section : dossier.sections()) {
                pages.gap();
                pages.line(section.heading(), Style.HEADING);
                for (String line : section.lines()) {
                    pages.line(line, Style.PLAIN);
                }
            }
            pages.close();
            document.save(file.toFile());
        }
    }

    private enum Style {
        TITLE(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 14),
        HEADING(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 11),
        PLAIN(new PDType1Font(Standard14Fonts.FontName.HELVETICA), SIZE);

        final PDFont font;
        final float size;

        Style(PDFont font, float size) {
            this.font = font;
            this.size = size;
        }
    }

    /** Writes lines top to bottom, starting a new page when one is full. */
    private static final class Pages {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void gap() {
            y -= LEADING / 2;
        }

        void line(String text, Style style) throws IOException {
            for (String part : wrap(encodable(text, style.font), style)) {
                if (y < MARGIN) {
                    newPage();
                }
                stream.beginText();
                stream.setFont(style.font, style.size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(part);
                stream.endText();
                y -= style == Style.PLAIN ? LEADING : style.size + 6;
            }
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (stream != null) {
                stream.close();
            }
        }
    }

    private static List<String> wrap(String text, Style style) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && width(candidate, style) > WIDTH) {
                lines.add(current.toString());
                current = new StringBuilder("    " + word);
            } else {
                current = new StringBuilder(candidate);
            }
            while (width(current.toString(), style) > WIDTH) { // one word longer than a line
                int cut = Math.max(1, current.length() * 9 / 10);
                lines.add(current.substring(0, cut));
                current = new StringBuilder("    " + current.substring(cut));
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private static float width(String text, Style style) throws IOException {
        return style.font.getStringWidth(text) / 1000 * style.size;
    }

    /** The text with every character the font cannot show written as its code point. */
    static String encodable(String text, PDFont font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp >= 0x20 && cp != 0x7f && canEncode(font, ch)) {
                out.append(ch);
            } else {
                out.append(String.format("<U+%04X>", cp));
            }
        });
        return out.toString();
    }

    private static boolean canEncode(PDFont font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
