package org.sweetie.referral;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sweetie 1.0's headline table, as summary.txt and the console's dashboard show it: per folder (a country code or
 * {@value Routing#UNASSIGNED}) the suspects who talked to a persona, how many of them qualified for solicitation
 * and for WCST, how many are identified, and how many are referred.
 */
public record HeadlineTable(Map<String, ReferralPackage.Headline> headlines, Map<String, Integer> referred) {
    public HeadlineTable {
        headlines = Map.copyOf(headlines);
        referred = Map.copyOf(referred);
    }

    /** One row: the folder with its counts. */
    public record Row(String folder, ReferralPackage.Headline headline, int referred) {
    }

    /** The rows in the folders' order (as summary.txt lists them), without the total. */
    public List<Row> rows() {
        return new TreeMap<>(headlines).entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue(), referred.getOrDefault(e.getKey(), 0))).toList();
    }

    /** The row of all folders together. */
    public Row total() {
        ReferralPackage.Headline all = new ReferralPackage.Headline(0, 0, 0, 0);
        int n = 0;
        for (Row row : rows()) {
            all = all.plus(row.headline());
            n += row.referred();
        }
        return new Row("all", all, n);
    }
}
