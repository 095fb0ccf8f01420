package org.sweetie.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written time of an entry is the formatter's, to the character: leaf hashes depend on it. */
class EntriesTimeTest {
    private static final DateTimeFormatter FORMATTER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void sameAsTheFormatterOnRandomInstantsAndEdges() {
        SplittableRandom random = new SplittableRandom(20261201);
        long year0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long year10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = i % 4 == 0 ? random.nextLong(year0 - 86_400 * 800L, year10000 + 86_400 * 800L)
                    : random.nextLong(0, 4_102_444_800L); // 1970-2100, where chats are
            Instant t = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
            assertEquals(FORMATTER.format(t), Entries.time(t), t::toString);
        }
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z", "2000-02-29T12:34:56.789Z"}) {
            Instant t = Instant.parse(edge);
            assertEquals(FORMATTER.format(t), Entries.time(t), edge);
        }
    }
}
