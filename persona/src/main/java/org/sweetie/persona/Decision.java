package org.sweetie.persona;

import java.util.Locale;
import java.util.Objects;

/**
 * The guard's decision on a draft: allowed (in the persona's safe register, nothing refuses it), refused by a named
 * rule with the reason in words (quoting what in the draft triggered it), or held (not known to be safe: it waits for
 * a supervisor). Every decision is evidence.
 */
public record Decision(Draft draft, Outcome outcome, String rule, String reason) {
    public static final String ALLOWED = "allowed";

    /** What becomes of a draft. Only an allowed draft is sent without a second person. */
    public enum Outcome {
        ALLOWED, REFUSED, HELD;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Decision {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    static Decision allow(Draft draft) {
        return new Decision(draft, Outcome.ALLOWED, ALLOWED, "in the persona's register and no rule refuses it");
    }

    static Decision refuse(Draft draft, String rule, String reason) {
        return new Decision(draft, Outcome.REFUSED, rule, reason);
    }

    static Decision hold(Draft draft, String rule, String reason) {
        return new Decision(draft, Outcome.HELD, rule, reason);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }

    public boolean held() {
        return outcome == Outcome.HELD;
    }

    /** "allowed", "refused" or "held", as the CLI, the API and the evidence entries write it. */
    public String verdict() {
        return outcome.word();
    }
}
