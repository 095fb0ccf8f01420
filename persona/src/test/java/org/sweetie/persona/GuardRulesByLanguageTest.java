package org.sweetie.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.Author;

/**
 * Every rule of the entrapment guard, in each language the guard claims (persona/rules-by-language.tsv). The issue
 * asks that every rule has tests in each language it claims: a rule that knows its words in English only would
 * otherwise pass every test and fail the first Polish or Cebuano chat. A rule's row must be refused by that rule, an
 * after-proposal row (small talk answering his proposal) is held for a second look, and an allowed row (a safe line
 * of her register) goes out. One run lists every failing row, so it shows every gap at once.
 */
class GuardRulesByLanguageTest {
    private static final EntrapmentGuard GUARD = EntrapmentGuard.standard(Analyzer.standard(),
            Set.of("stopitnow.org.uk")).knowing(List.of("Ana", "Cebu"));

    static final List<String> RULES = List.of("sexual-content", "offer", "interest", "affection", "contact",
            "secrecy", "meeting", "webcam", "images", "payment", "assent", "haggle", "price", "after-proposal",
            "allowed");
    static final List<String> LANGUAGES = List.of("en", "tl", "ceb", "nl", "de", "es", "fr", "pt", "it", "sv", "pl",
            "ru");

    /** One case: the guard's answer to {@code draft}, said after the partner's {@code partnerSaid} (or null). */
    record Row(int line, String rule, String language, String partnerSaid, String draft) {
        @Override
        public String toString() {
            return "line " + line + " " + rule + "/" + language + ": '" + draft + "'"
                    + (partnerSaid == null ? "" : " after '" + partnerSaid + "'");
        }
    }

    static List<Row> rows() throws IOException {
        try (InputStream in = GuardRulesByLanguageTest.class.getResourceAsStream("/persona/rules-by-language.tsv")) {
            assertThat(in).as("persona/rules-by-language.tsv on the test class path").isNotNull();
            List<Row> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                Row row = new Row(i + 1, f[0], f.length > 1 ? f[1] : "", f.length > 2 && !f[2].isBlank() ? f[2] : null,
                        f.length > 3 ? f[3] : "");
                if (f.length != 4 || !RULES.contains(row.rule()) || !LANGUAGES.contains(row.language())
                        || row.draft().isBlank()) {
                    throw new IllegalArgumentException("rules-by-language.tsv line " + (i + 1)
                            + ": expected rule, language, partner said and draft, tab-separated: " + lines[i]);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void everyRuleHasARowInEveryLanguage() throws IOException {
        List<Row> rows = rows();
        List<String> missing = new ArrayList<>();
        for (String rule : RULES) {
            for (String language : LANGUAGES) {
                if (rows.stream().noneMatch(r -> r.rule().equals(rule) && r.language().equals(language))) {
                    missing.add(rule + "/" + language);
                }
            }
        }
        assertThat(missing).as("rule/language pairs without a row").isEmpty();
    }

    @Test
    void everyRowGetsTheOutcomeOfItsRule() throws IOException {
        List<Row> rows = rows();
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            Decision d = GUARD.decide(Draft.reply(row.draft(), Author.operator("op-anna"), row.partnerSaid()));
            if (!expected(row.rule(), d)) {
                failures.add(row + "  ->  " + d.verdict() + " " + d.rule() + ": " + d.reason());
            }
        }
        assertThat(failures)
                .withFailMessage("%d of %d rows did not get their rule's outcome:%n%s", failures.size(), rows.size(),
                        String.join(System.lineSeparator(), failures))
                .isEmpty();
    }

    /** Allowed goes out; small talk after a proposal waits for a second look; any other rule refuses by its name. */
    private static boolean expected(String rule, Decision d) {
        return switch (rule) {
            case "allowed" -> d.outcome() == Decision.Outcome.ALLOWED;
            case "after-proposal" -> d.outcome() == Decision.Outcome.HELD && d.rule().equals("after-proposal");
            default -> d.outcome() == Decision.Outcome.REFUSED && d.rule().equals(rule);
        };
    }
}
