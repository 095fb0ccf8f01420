package org.sweetie.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShownTest {
    @Test
    void plainTextIsOnePart() {
        assertThat(Shown.of("<b>hi</b>").parts()).containsExactly(new Shown.Part("<b>hi</b>", false, null));
        assertThat(Shown.of("").parts()).isEmpty();
        assertThat(Shown.of(null).parts()).isEmpty();
    }

    @Test
    void controlAndDirectionCharactersAreShownAsTheirCodePoints() {
        Shown shown = Shown.of("a\u202Eb\u0007\u2066c\n");
        assertThat(shown.plain()).isEqualTo("a[U+202E]b[U+0007][U+2066]c[U+000A]");
        assertThat(shown.parts()).filteredOn(Shown.Part::control).hasSize(4);
        assertThat(shown.parts()).filteredOn(p -> !p.control()).allSatisfy(p -> assertThat(p.text())
                .doesNotContain("\u202E", "\u0007", "\u2066", "\n"));
    }

    @Test
    void markedSpansCarryWhyAndOverlapsSayBoth() {
        Shown shown = Shown.marked("do you have a cam?", List.of(new Shown.Mark(3, 17, "webcam"),
                new Shown.Mark(14, 17, "cam word")));
        assertThat(shown.parts()).containsExactly(new Shown.Part("do ", false, null),
                new Shown.Part("you have a ", false, "webcam"), new Shown.Part("cam", false, "webcam; cam word"),
                new Shown.Part("?", false, null));
    }

    @Test
    void aMarkPastTheEndIsCutAndAControlInsideAMarkKeepsIt() {
        Shown shown = Shown.marked("ab\u202Ec", List.of(new Shown.Mark(1, 99, "x")));
        assertThat(shown.parts()).containsExactly(new Shown.Part("a", false, null), new Shown.Part("b", false, "x"),
                new Shown.Part("U+202E", true, "x"), new Shown.Part("c", false, "x"));
    }
}
