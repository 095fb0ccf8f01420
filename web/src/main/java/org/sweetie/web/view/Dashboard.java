package org.sweetie.web.view;

import java.util.List;

/**
 * The supervisors' dashboard: the headline table as the referral packages' summary.txt has it, charts over time,
 * deterrence and the guard.
 *
 * @param headline the rows by country, then the row of all
 */
public record Dashboard(List<HeadlineRow> headline, HeadlineRow total, List<BarChart> charts,
                        Deterrence deterrence, Guard guard) {
    public Dashboard {
        headline = List.copyOf(headline);
        charts = List.copyOf(charts);
    }

    /** A row of the headline table; {@code folder} is the country code or "unassigned" as the package names it. */
    public record HeadlineRow(String folder, String country, int contacts, int solicitation, int wcst,
                              int identified, int referred) {
    }

    /**
     * Deterrence: the warnings sent by level, the partners (accounts) warned, those who wrote again after their first
     * warning, and those who got the last level and wrote again after it.
     */
    public record Deterrence(List<LevelRow> levels, int warned, int cameBack, String share, int warnedLast,
                             int cameBackAfterLast) {
        public Deterrence {
            levels = List.copyOf(levels);
        }
    }

    public record LevelRow(int level, int warnings, boolean last) {
    }

    /** The guard: decisions in all, allowed, and refused and held by rule. */
    public record Guard(int decisions, int allowed, List<RuleRow> rules) {
        public Guard {
            rules = List.copyOf(rules);
        }
    }

    public record RuleRow(String rule, int refused, int held) {
    }
}
