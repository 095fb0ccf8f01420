package org.sweetie.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** Arabic joined and right-to-left text in visual order, in ways a text extractor undoes. */
class TypesetterTest {
    @Test
    void arabicLettersTakeTheirJoinedFormsAndDecomposeBackToTheLetters() {
        String hello = "مرحبا"; // meem reh hah beh alef
        String shaped = ArabicShaping.shape(hello);
        assertThat(shaped).isEqualTo("\uFEE3\uFEAE\uFEA3\uFE92\uFE8E"); // initial, final, initial, medial, final
        assertThat(Normalizer.normalize(shaped, Normalizer.Form.NFKC)).isEqualTo(hello);
        assertThat(ArabicShaping.shape("لا")).isEqualTo("\uFEFB"); // lam-alef, one glyph
        assertThat(ArabicShaping.shape("privet, привет")).isEqualTo("privet, привет");
    }

    @Test
    void aRightToLeftRunIsReversedForDrawingAndTheRestStays() {
        assertThat(Typesetter.visual("ivan_x: abc")).isEqualTo("ivan_x: abc");
        assertThat(Typesetter.visual("ivan_x: \u05D0\u05D1\u05D2 (x)")).isEqualTo("ivan_x: \u05D2\u05D1\u05D0 (x)");
        assertThat(Typesetter.visual("\u05D0(\u05D1)")).isEqualTo("(\u05D1)\u05D0"); // brackets mirrored
    }
}
