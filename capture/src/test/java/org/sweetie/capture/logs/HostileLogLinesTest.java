package org.sweetie.capture.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a log line holds, a parser either reads it or rejects it with a reason; it never fails otherwise. */
class HostileLogLinesTest {

    @Provide
    Arbitrary<String> hostileLines() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> shaped = Arbitraries.of("2013-10-01 12:00:01\t", "12:00 ", "--- Log opened ", "{", "<",
                        "12:00 -!- ", "\t*\t", "2013-10-01 12:00:01\t-->\t", "\u202e", "\u200b", "\ud800")
                .list().ofMaxSize(6).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(any, shaped, Arbitraries.strings().withChars("\t <>[]()-!*:{}\"#@").ofMaxLength(40));
    }

    @Property(tries = 2000)
    void everyParserReadsOrRejects(@ForAll("hostileLines") String line) {
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
