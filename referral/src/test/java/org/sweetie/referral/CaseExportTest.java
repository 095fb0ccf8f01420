package org.sweetie.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CASE/UCO exports against the ontology's own SHACL shapes, and the official examples as a check of the check. */
class CaseExportTest {
    private static CaseValidator validator;

    @BeforeAll
    static void load() throws IOException {
        validator = new CaseValidator();
    }

    static CaseExport.Investigation sample() {
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        CaseExport.Thread thread = new CaseExport.Thread(3, "examplenet: dave_uk (private)", "examplenet/dave_uk",
                "examplenet/sweetie10", List.of(new CaseExport.Line(1, t, true, "hi sweetie"),
                new CaseExport.Line(2, t.plusSeconds(5), false, "hi"),
                new CaseExport.Line(3, t.plusSeconds(9), true, "add me on skype dave.example.uk")));
        CaseExport.SuspectNode suspect = new CaseExport.SuspectNode(1,
                List.of(new CaseExport.AccountNode("examplenet/dave_uk", "examplenet", "dave_uk"),
                        new CaseExport.AccountNode("examplenet/sweetie10", "examplenet", "sweetie10")),
                List.of(new CaseExport.IdentifierNode("skype", "dave.example.uk"),
                        new CaseExport.IdentifierNode("phone", "+447700900123"),
                        new CaseExport.IdentifierNode("email", "dave@example.com")),
                List.of(thread), "suspect-00001-bundle.zip",
                "7ea081166336119da78ee4bbdbd06840b94efe28988a2bdb0bcf2387a481e283");
        return new CaseExport.Investigation("Sweetie referral GB", "Online solicitation of a child", t,
                t.plusSeconds(60), List.of(suspect));
    }

    @Test
    void aSweetieExportConforms() throws IOException {
        String json = CaseExport.toJson(sample());
        assertThat(validator.problems(json)).isEmpty();
        assertThat(json).contains("uco-observable:MessageThread").contains("uco-observable:sentTime")
                .contains("case-investigation:ProvenanceRecord").contains("\"SHA256\"");
    }

    @Test
    void aPlainStringSentTimeIsReported() throws IOException {
        String broken = CaseExport.toJson(sample()).replaceFirst(
                "\"uco-observable:sentTime\" : \\{\\s*\"@type\" : \"xsd:dateTime\",\\s*\"@value\" : (\"[^\"]+\")\\s*}",
                "\"uco-observable:sentTime\" : $1");
        assertThat(broken).isNotEqualTo(CaseExport.toJson(sample()));
        assertThat(validator.problems(broken)).anyMatch(p -> p.contains("Violation") && p.contains("sentTime"));
    }

    @Test
    void theOfficialExamplesConformToo() throws IOException {
        for (String example : List.of("message.json", "Oresteia.json")) {
            try (InputStream in = getClass().getResourceAsStream("/case-uco/examples/" + example)) {
                assertThat(validator.problems(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                        .as(example).isEmpty();
            }
        }
    }
}
