package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizedTest {

    @Test
    void obfuscationsAreUndoneAndSpansPointBackAtTheOriginal() {
        String original = "Show me N@KEEED   now";
        Normalized n = Normalized.of(original);
        assertThat(n.words()).isEqualTo("show me naked   now"); // letters collapse, spaces are left to the tokenizer
        int start = n.words().indexOf("naked");
        int[] span = n.wordsSpan(start, start + "naked".length());
        assertThat(original.substring(span[0], span[1])).isEqualTo("N@KEEED");
    }

    @Test
    void spacedLettersJoinButChatShorthandStaysApart() {
        assertThat(Normalized.of("n a k e d").words()).isEqualTo("naked");
        assertThat(Normalized.of("s.e.x").words()).isEqualTo("sex");
        assertThat(Normalized.of("r u a kid").words()).isEqualTo("r u a kid");
    }

    @Test
    void numbersStayNumbersAndInvisibleCharactersGo() {
        assertThat(Normalized.of("give u 20 $").words()).isEqualTo("give u 20 $");
        assertThat(Normalized.of("na\u200bked\u202e").plain()).isEqualTo("naked");
        assertThat(Normalized.of("Déshabille ｔｏｉ").plain()).isEqualTo("deshabille toi");
        assertThat(Normalized.of("don’t").plain()).isEqualTo("don't");
    }
}
