package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Stage;

/**
 * Hostile input neither crashes the engine nor hides a stage. Random text is drawn from a fixed seed, so a failure
 * can be reproduced.
 */
class HostileTextTest {
    private static final String NOISE = "ab 0\u0000\u0007\u001b\u202e\u202d\u2066\u200b\u200d\ufeff\ud800\udfff"
            + "\ud83d\udcb5é$@!.:-_*\n\t";

    private static String noise(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(NOISE.charAt(random.nextInt(NOISE.length())));
        }
        return out.toString();
    }

    @Test
    void randomTextNeverBreaksTheEngine() {
        Random random = new Random(2013);
        for (int run = 0; run < 2_000; run++) {
            var report = ScenarioTest.analyse("S: im 10", "P: " + noise(random, random.nextInt(200)));
            assertThat(report.messages()).isEqualTo(2);
            assertThat(report.stages()).containsKey(Stage.AGE_AWARENESS);
        }
    }

    @Test
    void aStageHiddenInNoiseIsStillFound() {
        Random random = new Random(1001);
        for (int run = 0; run < 500; run++) {
            String line = noise(random, random.nextInt(60)).replace('\n', ' ') + " take off your clothes "
                    + noise(random, random.nextInt(60)).replace('\n', ' ');
            assertThat(ScenarioTest.analyse("S: im 10", "P: " + line).solicitation()).as(line).isEqualTo(1);
        }
    }

    @Test
    void invisibleCharactersSplittingWordsDoNotHideThem() {
        for (String hidden : new String[] {"na\u200bked", "n\u202ea\u202cked", "na\u00adked", "na\ufeffked",
            "n\u2066aked", "na\u0007ked"}) {
            assertThat(ScenarioTest.analyse("S: im 10", "P: " + hidden + " pls").solicitation()).as(hidden)
                    .isEqualTo(1);
        }
    }

    @Test
    void aMegabyteLineIsReadToItsEnd() {
        String line = "hello ".repeat(200_000) + "are you alone?";
        assertThat(ScenarioTest.analyse("P: " + line).stages()).containsKey(Stage.SECRECY);
    }

    @Test
    void negatedWarningsAreNotProtective() {
        assertThat(ScenarioTest.analyse("P: don't tell your mom about me").stages()).containsKey(Stage.SECRECY);
    }
}
