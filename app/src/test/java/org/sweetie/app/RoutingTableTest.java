package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetie.analysis.CountryAttribution;

class RoutingTableTest {
    @Test
    void eachAttributionIsCountedInItsConfidenceBandAsRightWrongOrNotLabelled() {
        RoutingTable table = new RoutingTable();
        table.count(new CountryAttribution("NL", 0.20, List.of()), "NL");
        table.count(new CountryAttribution("NL", 0.20, List.of()), null);
        table.count(new CountryAttribution("PH", 0.25, List.of()), "DE");
        table.count(new CountryAttribution("GB", 0.30, List.of()), "GB");
        table.count(new CountryAttribution("GB", 0.90, List.of()), "GB");
        table.count(null, "GB");

        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out, true));

        assertThat(out.toString().lines().map(l -> l.strip().replaceAll(" +", " ")))
                .contains("0.00-0.25 1 1 0 ( 0.0 %) 1", "0.25-0.30 1 0 1 (100.0 %) 0", ">= 0.30 2 2 0 ( 0.0 %) 0");
    }
}
