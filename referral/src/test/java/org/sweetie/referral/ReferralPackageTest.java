package org.sweetie.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index is opened in spreadsheets: what a partner named himself must stay text there. */
class ReferralPackageTest {
    /** Partner names that try to open a live cell at the start or after a delimiter of some locale. */
    private static final List<String> HOSTILE = List.of("a;=HYPERLINK(\"http://evil.example\",\"x\")@jabber",
            "=1+1", "x,@SUM(1)", "x\t-2+3", "x|+1", "x =1", "a;\"=1\"", "a;'=1", "\t=1", "x\r\n=1", "a;;=1");

    @Test
    void partnerControlledFieldsCannotBecomeFormulasOrBreakTheRow() {
        assertThat(ReferralPackage.csv("dave_uk@examplenet")).isEqualTo("dave_uk@examplenet");
        assertThat(ReferralPackage.csv("=HYPERLINK(\"x\")@jabber")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")@jabber\"");
        assertThat(ReferralPackage.csv("@evil")).isEqualTo("\"'@evil\"");
        assertThat(ReferralPackage.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReferralPackage.csv("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(ReferralPackage.csv("a;=1")).isEqualTo("\"a;'=1\"");
        assertThat(ReferralPackage.csv("x,@SUM(1)")).isEqualTo("\"x,'@SUM(1)\"");
    }

    @Test
    void noCellOfAnyLocalesSplitStartsAFormula() {
        for (String name : HOSTILE) {
            String row = "7,12,named,wcst," + ReferralPackage.csv(name + " dave@libera") + ",2,suspect-00012.pdf\n";
            for (String delimiter : List.of(",", ";", "\t", "|", " ")) {
                for (String cell : row.split("\\Q" + delimiter + "\\E|\r\n|\r|\n", -1)) {
                    // An import dialog may trim spaces, and a cell that starts with a quote is read inside it.
                    String read = cell.replaceFirst("^[\" ]+", "");
                    assertThat(read).as("%s split at '%s' in %s", name, delimiter, row)
                            .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                            .doesNotStartWith("@").doesNotStartWith("\t");
                }
            }
        }
    }

    @Test
    void aCommaLocaleReadsTheNameAsTextInOneCell() {
        for (String name : HOSTILE) {
            List<String> cells = rfc4180("1," + ReferralPackage.csv(name) + ",2");
            assertThat(cells).as(name).hasSize(3);
            assertThat(cells.get(1).replace("'", "")).isEqualTo(name.replace("'", ""));
        }
    }

    @Test
    void everyTextCellOfTheIndexIsNeutralised() {
        var referral = new ReferralPackage.Referral(12, "NL", "NL", "=level", 7, "-1+1", List.of("@a", "=b"), 2,
                List.of(), null, null);
        String row = ReferralPackage.indexRow(referral, "suspect-00012", "abc");
        assertThat(rfc4180(row.strip())).containsExactly("7", "12", "'=level", "'-1+1", "'@a; '=b", "2",
                "suspect-00012.pdf", "suspect-00012-bundle.zip", "abc");
    }

    /** One record of RFC 4180 CSV, as a comma locale's spreadsheet reads it. */
    private static List<String> rfc4180(String record) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted && c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
