package org.sweetie.capture.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a log line holds, a parser either reads it or rejects it with a reason; it never fails otherwise. The
 * lines come from a seeded generator, so a failure names a line that can be replayed.
 */
class HostileLogLinesTest {
    private static final long SEED = 20261201L;
    private static final String[] SHAPES = {"2013-10-01 12:00:01\t", "12:00 ", "--- Log opened ", "{", "<",
        "12:00 -!- ", "\t*\t", "2013-10-01 12:00:01\t-->\t", "\u202e", "\u200b", "\ud800"};
    private static final String PUNCTUATION = "\t <>[]()-!*:{}\"#@";

    static List<String> hostileLines() {
        Random random = new Random(SEED);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            lines.add(switch (i % 3) {
                case 0 -> anyChars(random, random.nextInt(301));
                case 1 -> shaped(random);
                default -> fromAlphabet(random, PUNCTUATION, random.nextInt(41));
            });
        }
        return lines;
    }

    /** Any UTF-16 code units at all, lone surrogates and controls included. */
    private static String anyChars(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return s.toString();
    }

    /** Pieces of real log line shapes in any order: where parsers make assumptions. */
    private static String shaped(Random random) {
        StringBuilder s = new StringBuilder();
        for (int parts = random.nextInt(7); parts > 0; parts--) {
            s.append(SHAPES[random.nextInt(SHAPES.length)]);
        }
        return s.toString();
    }

    private static String fromAlphabet(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @ParameterizedTest
    @MethodSource("hostileLines")
    void everyParserReadsOrRejects(String line) {
        for (LogFormat format : LogFormat.values()) {
            LineParser parser = format.parser(ZoneOffset.UTC);
            try {
                Entry entry = parser.parse(line);
                assertThat(entry).isNotNull();
            } catch (MalformedLineException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }
}
