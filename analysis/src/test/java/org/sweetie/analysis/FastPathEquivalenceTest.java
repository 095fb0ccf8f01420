package org.sweetie.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The analysis's shortcuts give what the plain code they replace gave, on random text that leans towards the cases
 * they must get right: every kind of white space, control and invisible characters, capitals, accents, digits.
 */
class FastPathEquivalenceTest {
    private static final String ALPHABET = "aAzZ09 5  \t\n\u000b\f\r\u001c\u00a0\u2003\u200b\u00ad\u202e\u0007\u007f"
            + "éÉßﬁｎ’.,?!-_*@$";

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(0, 14);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    @Test
    void shortAnswerCountsWordsAsSplittingOnWhiteSpaceDid() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            String text = randomText(random);
            assertEquals(text.strip().split("\\s+").length <= 4, MessageReading.atMostFourWords(text),
                    () -> "for " + text.chars().mapToObj(c -> String.format("U+%04X", c)).toList());
        }
    }

    @Test
    void plainFormIsTheSameWithTheAsciiShortcut() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            String text = randomText(random);
            assertEquals(Normalized.slowPlain(text), Normalized.of(text).plain(),
                    () -> "for " + text.chars().mapToObj(c -> String.format("U+%04X", c)).toList());
        }
    }
}
