package org.sweetie.referral;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders a dossier to PDF/A-2b (A4): the fonts that ship with Sweetie embedded as subsets, a font chosen per
 * character (Latin, Cyrillic, Greek, Arabic, Hebrew, Thai, Chinese, Japanese, symbols), text wrapped between words
 * and, where a word is longer than a line, between characters; transcripts with the time, the message number, who
 * said it (persona lines shaded, bot or operator named) and what the analysis flagged in the margin; "page N of M"
 * in the footer. One instance renders the dossiers of a run, sharing the parsed fonts.
 */
final class DossierPdf implements AutoCloseable {
    private static final float LEFT = 50;
    private static final float RIGHT = PDRectangle.A4.getWidth() - 50;
    private static final float TOP = PDRectangle.A4.getHeight() - 56;
    private static final float BOTTOM = 50;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float BODY = 9.5f;
    private static final float SMALL = 8f;
    private static final float MARGIN_NOTE = 7f;
    private static final float LABEL_WIDTH = 125;
    private static final float QUOTE_INDENT = 16;
    /** The transcript's columns: time, message number, text, margin notes. */
    private static final float SEQ_END = LEFT + 62;
    private static final float TEXT_X = LEFT + 68;
    private static final float NOTE_X = RIGHT - 118;
    private static final float TEXT_WIDTH = NOTE_X - 8 - TEXT_X;
    private static final float NOTE_WIDTH = RIGHT - NOTE_X;

    private static final float[] INK = {0, 0, 0};
    private static final float[] GREY = {0.38f, 0.38f, 0.38f};
    private static final float[] QUOTE = {0.05f, 0.2f, 0.45f};
    private static final float[] NOTE = {0.6f, 0.08f, 0.08f};
    private static final float[] BOT_SHADE = {0.9f, 0.94f, 1f};
    private static final float[] OPERATOR_SHADE = {1f, 0.95f, 0.82f};

    private final Fonts fonts;
    private final Typesetter typesetter;

    private DossierPdf(Fonts fonts) {
        this.fonts = fonts;
        this.typesetter = new Typesetter(fonts);
    }

    static DossierPdf open() throws IOException {
        return new DossierPdf(Fonts.load());
    }

    @Override
    public void close() throws IOException {
        fonts.close();
    }

    /** Writes the dossier; the footer names the sender's case so a loose page can be put back. */
    void write(Dossier dossier, Sender sender, Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            Pages pages = new Pages(document);
            pages.title(dossier.title());
            pages.paragraph("For law enforcement only. Not for publication.", 0, WIDTH, BODY, true, NOTE);
            pages.gap(6);
            for (Dossier.Field field : dossier.cover()) {
                pages.field(field.label(), field.value());
            }
            for (Dossier.Section section : dossier.sections()) {
                pages.section(section);
            }
            pages.transcripts(dossier.transcripts());
            pages.finish("Case " + sender.caseReference() + ", suspect " + dossier.suspect() + ". For law "
                    + "enforcement only.");
            PdfA.mark(document, dossier.title(), sender, "Sweetie referral dossier, for law enforcement only");
            document.save(file.toFile(), CompressParameters.NO_COMPRESSION);
        }
    }

    /** Writes lines top to bottom, starting a new page when one is full. */
    private final class Pages {
        private final PDDocument document;
        private final Map<Fonts.Face, PDType0Font> embedded = new HashMap<>();
        private final List<PDPage> all = new ArrayList<>();
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void title(String text) throws IOException {
            paragraph(text, 0, WIDTH, 16, true, INK);
            gap(2);
        }

        void gap(float points) {
            y -= points;
        }

        void section(Dossier.Section section) throws IOException {
            gap(8);
            need(3 * leading(BODY) + 8);
            paragraph(section.heading(), 0, WIDTH, 12, true, INK);
            gap(2);
            for (Dossier.Block block : section.blocks()) {
                switch (block) {
                    case Dossier.Paragraph p -> {
                        paragraph(p.text(), 0, WIDTH, BODY, false, INK);
                        gap(2);
                    }
                    case Dossier.Field f -> field(f.label(), f.value());
                    case Dossier.Item i -> item(i);
                }
            }
        }

        void field(String label, String value) throws IOException {
            List<Typesetter.Line> labels = typesetter.lines(label + ":", true, BODY, LABEL_WIDTH - 6);
            List<Typesetter.Line> values = typesetter.lines(value, false, BODY, WIDTH - LABEL_WIDTH);
            for (int i = 0; i < Math.max(labels.size(), values.size()); i++) {
                need(leading(BODY));
                y -= BODY;
                if (i < labels.size()) {
                    draw(labels.get(i), LEFT, BODY, INK);
                }
                if (i < values.size()) {
                    draw(values.get(i), LEFT + LABEL_WIDTH, BODY, INK);
                }
                y -= leading(BODY) - BODY;
            }
            gap(1.5f);
        }

        void item(Dossier.Item item) throws IOException {
            if (!item.text().isEmpty()) {
                need(leading(BODY) * (item.source() == null ? 1 : 2));
                paragraph(item.text(), 0, WIDTH, BODY, false, INK);
            }
            if (item.source() != null) {
                Dossier.Quote q = item.source();
                paragraph("conversation " + q.conversation() + ", message " + q.seq() + ", " + Words.time(q.time())
                        + ", " + q.who() + ": \u201c" + q.text() + "\u201d", QUOTE_INDENT, WIDTH - QUOTE_INDENT, BODY,
                        false, QUOTE);
            }
            gap(3);
        }

        void paragraph(String text, float indent, float width, float size, boolean bold, float[] color)
                throws IOException {
            for (String part : text.split("\n", -1)) {
                for (Typesetter.Line line : typesetter.lines(part, bold, size, width)) {
                    need(leading(size));
                    y -= size;
                    draw(line, LEFT + indent, size, color);
                    y -= leading(size) - size;
                }
            }
        }

        void transcripts(List<Dossier.Transcript> transcripts) throws IOException {
            newPage();
            paragraph("Transcripts", 0, WIDTH, 12, true, INK);
            paragraph("Every message and event of every conversation with the suspect, in time order (UTC). "
                    + "Left: the time and the message's number in the conversation. Persona lines are shaded and "
                    + "say who typed them: the bot (blue), or a human operator with their id (yellow). In the "
                    + "right margin, in red: what Sweetie's analysis flagged at that message.", 0, WIDTH, BODY,
                    false, INK);
            for (Dossier.Transcript t : transcripts) {
                gap(10);
                need(4 * leading(SMALL) + 10);
                paragraph(t.title(), 0, WIDTH, 10.5f, true, INK);
                gap(2);
                LocalDate day = null;
                for (Dossier.Line line : t.lines()) {
                    LocalDate date = line.time().atZone(ZoneOffset.UTC).toLocalDate();
                    if (!date.equals(day)) {
                        day = date;
                        need(3 * leading(SMALL));
                        gap(2);
                        paragraph(date + " (UTC)", 0, WIDTH, SMALL, true, GREY);
                    }
                    transcriptLine(line);
                }
            }
        }

        private void transcriptLine(Dossier.Line line) throws IOException {
            boolean event = line.speaker() == Dossier.Speaker.EVENT;
            String text = event ? "* " + line.text() : line.who() + (line.sent() == null ? ""
                    : " (sent " + Words.time(line.sent()) + ")") + ": " + line.text();
            List<Typesetter.Line> lines = typesetter.lines(text, false, SMALL, TEXT_WIDTH);
            List<Typesetter.Line> notes = new ArrayList<>();
            for (String mark : line.marks()) {
                notes.addAll(typesetter.lines(mark, mark.startsWith("QUALIFIED"), MARGIN_NOTE, NOTE_WIDTH));
            }
            float[] shade = switch (line.speaker()) {
                case BOT -> BOT_SHADE;
                case OPERATOR -> OPERATOR_SHADE;
                default -> null;
            };
            float lead = leading(SMALL);
            for (int i = 0; i < Math.max(lines.size(), notes.size()); i++) {
                need(lead);
                y -= SMALL;
                if (shade != null && i < lines.size()) { // from below the descenders to the next line's
                    stream.setNonStrokingColor(shade[0], shade[1], shade[2]);
                    stream.addRect(TEXT_X - 3, y - 0.3f * SMALL, TEXT_WIDTH + 6, lead);
                    stream.fill();
                }
                if (i == 0) {
                    String time = line.time().atZone(ZoneOffset.UTC).toLocalTime().withNano(0).toString();
                    draw(typesetter.lines(time.length() == 5 ? time + ":00" : time, false, SMALL, 60).getFirst(),
                            LEFT, SMALL, GREY);
                    if (!event) {
                        Typesetter.Line seq = typesetter.lines("#" + line.seq(), false, SMALL, 40).getFirst();
                        draw(seq, SEQ_END - seq.width(), SMALL, GREY);
                    }
                }
                if (i < lines.size()) {
                    draw(lines.get(i), TEXT_X, SMALL, event ? GREY : INK);
                }
                if (i < notes.size()) {
                    draw(notes.get(i), NOTE_X, MARGIN_NOTE, NOTE);
                }
                y -= lead - SMALL;
            }
        }

        private void draw(Typesetter.Line line, float x, float size, float[] color) throws IOException {
            stream.setNonStrokingColor(color[0], color[1], color[2]);
            float at = x;
            for (Typesetter.Run run : line.runs()) {
                stream.beginText();
                stream.setFont(font(run.face()), size);
                stream.newLineAtOffset(at, y);
                stream.showText(run.text());
                stream.endText();
                at += run.width();
            }
        }

        private PDType0Font font(Fonts.Face face) throws IOException {
            PDType0Font font = embedded.get(face);
            if (font == null) {
                font = PDType0Font.load(document, face.ttf, true);
                embedded.put(face, font);
            }
            return font;
        }

        private void need(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            all.add(page);
            stream = new PDPageContentStream(document, page);
            y = TOP;
        }

        /** Closes the last page and writes every page's footer, now that the count is known. */
        void finish(String footer) throws IOException {
            stream.close();
            for (int i = 0; i < all.size(); i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, all.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    stream = foot;
                    y = 30;
                    Typesetter.Line number = typesetter.lines("page " + (i + 1) + " of " + all.size(), false,
                            SMALL, 100).getFirst();
                    draw(typesetter.lines(footer, false, SMALL, WIDTH - 110).getFirst(), LEFT, SMALL, GREY);
                    draw(number, RIGHT - number.width(), SMALL, GREY);
                }
            }
        }
    }

    private static float leading(float size) {
        return size * 1.32f;
    }
}
