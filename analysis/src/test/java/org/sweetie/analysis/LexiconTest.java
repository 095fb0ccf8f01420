package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LexiconTest {

    private static int[] find(Lexicon lexicon, Lexicon.Kind kind, String text) {
        return lexicon.find(kind, PhraseMatcher.Tokens.of(Normalized.of(text).words()));
    }

    @Test
    void wordSetsExpandToEveryCombination() {
        assertThat(Lexicon.expand("{take off,remove} your {shirt,top}")).containsExactly("take off your shirt",
                "take off your top", "remove your shirt", "remove your top");
        assertThat(Lexicon.expand("plain phrase")).containsExactly("plain phrase");
        assertThatThrownBy(() -> Lexicon.expand("{open")).hasMessageContaining("without '}'");
    }

    @Test
    void gapsPrefixesAndWordBoundariesBehave() {
        Lexicon lexicon = Lexicon.parse("""
                [sexual]
                take off ~ clothes
                undress*
                [webcam]
                cam
                """);
        assertThat(find(lexicon, Lexicon.Kind.SEXUAL, "take off all your clothes")).isNotNull();
        assertThat(find(lexicon, Lexicon.Kind.SEXUAL, "take off all of your lovely clothes")).isNull();
        assertThat(find(lexicon, Lexicon.Kind.SEXUAL, "undressing now")).isNotNull();
        assertThat(find(lexicon, Lexicon.Kind.WEBCAM, "camera")).isNull();
        assertThat(find(lexicon, Lexicon.Kind.WEBCAM, "your cam?")).containsExactly(5, 8);
    }

    @Test
    void aBrokenLexiconIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Lexicon.parse("naked\n")).hasMessageContaining("lexicon.txt:1");
        assertThatThrownBy(() -> Lexicon.parse("[nonsense]\n")).hasMessageContaining("unknown section");
    }

    @Test
    void theShippedLexiconLoads() {
        Lexicon lexicon = Lexicon.load();
        assertThat(find(lexicon, Lexicon.Kind.PROTECTIVE, "be careful online")).isNotNull();
    }
}
