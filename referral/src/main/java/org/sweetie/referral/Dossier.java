package org.sweetie.referral;

import java.time.Instant;
import java.util.List;

/**
 * One suspect's dossier, as the recipient reads it: a cover (who sends it, the case, the key that signed the
 * evidence, how to check it), sections of statements each with the message it rests on, and the full transcript of
 * every conversation with the suspect. {@link DossierAssembler} makes it from the store; {@link DossierPdf} renders
 * it to PDF/A and {@link CaseIndex} renders its transcripts as web pages.
 */
public record Dossier(int suspect, String title, List<Field> cover, List<Section> sections,
                      List<Transcript> transcripts) {
    public Dossier {
        cover = List.copyOf(cover);
        sections = List.copyOf(sections);
        transcripts = List.copyOf(transcripts);
    }

    /** A heading and what it says. */
    public record Section(String heading, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** Something a section says. */
    public sealed interface Block permits Paragraph, Field, Item {
    }

    /** Running text. */
    public record Paragraph(String text) implements Block {
    }

    /** A label and its value ("Contact: demo@example.org"). */
    public record Field(String label, String value) implements Block {
    }

    /** A statement and the message it rests on (null when it rests on network data or on nothing quoted). */
    public record Item(String text, Quote source) implements Block {
    }

    /** A message quoted exactly: where it is, when, who said it and what. */
    public record Quote(long conversation, long seq, Instant time, String who, String text) {
    }

    /** Who said a line of a transcript; events are not said by anyone. */
    public enum Speaker { PARTNER, BOT, OPERATOR, EVENT }

    /** A whole conversation, every message and event in time order. */
    public record Transcript(long conversation, String title, List<Line> lines) {
        public Transcript {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One line of a transcript.
     *
     * @param seq the message's sequence number, 0 for an event
     * @param who the sender with who typed a persona line ("Sweetie10 (bot)", "Sweetie10 (operator op-anna)")
     * @param sent when the partner sent it, for a line a server kept and delivered later; else null
     * @param marks what the analysis flagged at this line, in words ("qualified: WCST")
     */
    public record Line(Instant time, long seq, Speaker speaker, String who, String text, Instant sent,
                       List<String> marks) {
        public Line {
            marks = List.copyOf(marks);
        }
    }
}
