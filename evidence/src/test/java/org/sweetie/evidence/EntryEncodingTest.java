package org.sweetie.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryEncodingTest {

    @Test
    void theEncodingIsTheDocumentedText() {
        Entry entry = new Entry("message", List.of(new Entry.Field("seq", "3"), new Entry.Field("text", "hi\\there\n"),
                new Entry.Field("raw", null)));
        assertThat(new String(EntryEncoding.encode(entry), StandardCharsets.UTF_8))
                .isEqualTo("sweetie-evidence-entry/1\nkind=message\nseq=3\ntext=hi\\\\there\\n\nraw=\n");
    }

    @Test
    void anyTextSurvivesEncodingExactlyOnce() throws Exception {
        Random random = new Random(20131001);
        String alphabet = "ab \\\n\r\t\u0000\u001b\u007f\u202e\u200b€é\uD83D\uDCB5\uD800\uDC00\uDFFF=";
        for (int run = 0; run < 5_000; run++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Entry entry = new Entry("message", List.of(new Entry.Field("text", value.toString())));
            byte[] bytes = EntryEncoding.encode(entry);
            assertThat(EntryEncoding.decode(bytes)).isEqualTo(entry);
            assertThat(new String(bytes, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count())
                    .isEqualTo(3);
        }
    }

    @Test
    void bytesThatAreNotTheCanonicalEncodingAreRefused() {
        assertThatThrownBy(() -> decode("sweetie-evidence-entry/1\nkind=m\ntext=\\u0041\n"))
                .hasMessageContaining("canonical");
        assertThatThrownBy(() -> decode("sweetie-evidence-entry/1\nkind=m\ntext=a\r\n"))
                .hasMessageContaining("canonical");
        assertThatThrownBy(() -> decode("sweetie-evidence-entry/1\nkind=m\ntext=a\\q\n"))
                .hasMessageContaining("unknown escape");
        assertThatThrownBy(() -> decode("sweetie-evidence-entry/2\nkind=m\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> decode("sweetie-evidence-entry/1\nkind=m\nText=a\n"))
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> decode("sweetie-evidence-entry/1\nkind=m\ntext=a"))
                .hasMessageContaining("line feed");
    }

    private static Entry decode(String text) throws EntryEncoding.MalformedEntryException {
        return EntryEncoding.decode(text.getBytes(StandardCharsets.UTF_8));
    }
}
