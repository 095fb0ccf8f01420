package org.sweetie.persona;

import java.util.Objects;

/**
 * The guard's decision on a draft: allowed, or refused by a named rule with the reason in words (quoting what in
 * the draft triggered it). Every decision is evidence.
 */
public record Decision(Draft draft, boolean allowed, String rule, String reason) {
    public static final String ALLOWED = "allowed";

    public Decision {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    static Decision allow(Draft draft) {
        return new Decision(draft, true, ALLOWED, "no rule refuses it");
    }

    static Decision refuse(Draft draft, String rule, String reason) {
        return new Decision(draft, false, rule, reason);
    }

    public String verdict() {
        return allowed ? "allowed" : "refused";
    }
}
