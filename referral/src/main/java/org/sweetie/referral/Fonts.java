package org.sweetie.referral;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The TrueType fonts that ship with Sweetie (resources {@code fonts/}, see its NOTICE.md), in the order a character
 * looks for one that has it: Noto Sans (Latin, Cyrillic, Greek), Noto Sans Arabic, Hebrew and Thai, Droid Sans
 * Fallback (Chinese, Japanese), Noto Sans Symbols 2. Parsed once and shared by the dossiers of one run; each
 * document embeds the subsets it uses.
 */
final class Fonts implements AutoCloseable {
    private static final List<String> REGULAR = List.of("NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf",
            "NotoSansHebrew-Regular.ttf", "NotoSansThai-Regular.ttf", "DroidSansFallbackFull.ttf",
            "NotoSansSymbols2-Regular.ttf");
    private static final String BOLD = "NotoSans-Bold.ttf";

    /** One font: its glyphs by code point and their advances in thousandths of the font size. */
    static final class Face {
        final String name;
        final TrueTypeFont ttf;
        private final CmapLookup cmap;
        private final float scale;

        Face(String name, TrueTypeFont ttf) throws IOException {
            this.name = name;
            this.ttf = ttf;
            this.cmap = ttf.getUnicodeCmapLookup();
            this.scale = 1000f / ttf.getUnitsPerEm();
        }

        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        float advance(int codePoint) {
            try {
                return ttf.getAdvanceWidth(cmap.getGlyphId(codePoint)) * scale;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the width of a glyph in " + name, e);
            }
        }
    }

    private final List<Face> regular = new ArrayList<>();
    private final List<Face> bold = new ArrayList<>();
    private final Map<Integer, Face> regularFor = new HashMap<>();
    private final Map<Integer, Face> boldFor = new HashMap<>();

    private Fonts() {
    }

    static Fonts load() throws IOException {
        Fonts fonts = new Fonts();
        try {
            for (String name : REGULAR) {
                fonts.regular.add(new Face(name, parse(name)));
            }
            fonts.bold.add(new Face(BOLD, parse(BOLD)));
            fonts.bold.addAll(fonts.regular.subList(1, fonts.regular.size()));
            return fonts;
        } catch (IOException | RuntimeException e) {
            fonts.close();
            throw e;
        }
    }

    private static TrueTypeFont parse(String name) throws IOException {
        try (InputStream in = Fonts.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IOException("font missing from the build: fonts/" + name);
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            // Glyphs are chosen here, one per character (Arabic joined by ArabicShaping): PDFBox's own substitution
            // would change widths after they were measured, and it costs more than the rest of the dossier.
            font.setEnableGsub(false);
            return font;
        }
    }

    /** The first face that has the character, or null when none has it. */
    Face faceFor(int codePoint, boolean strong) {
        Map<Integer, Face> cache = strong ? boldFor : regularFor;
        Face face = cache.get(codePoint);
        if (face == null && !cache.containsKey(codePoint)) {
            for (Face f : strong ? bold : regular) {
                if (f.has(codePoint)) {
                    face = f;
                    break;
                }
            }
            cache.put(codePoint, face);
        }
        return face;
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (Face f : regular) {
            try {
                f.ttf.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        if (!bold.isEmpty()) {
            bold.getFirst().ttf.close();
        }
        if (failed != null) {
            throw failed;
        }
    }
}
