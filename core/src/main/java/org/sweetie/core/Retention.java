package org.sweetie.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long contacts that led nowhere are kept (data minimisation): conversations quiet for longer than {@code after}
 * are deleted unless they are worth keeping. What is worth keeping: with {@link Keep#QUALIFIED}, every conversation
 * of a partner who solicited in any conversation or whose accounts are linked; with {@link Keep#STAGED}, also every
 * conversation that reached any stage.
 */
public record Retention(Duration after, Keep keep) {
    /** The deployment default: contacts that never qualified go after 90 days. */
    public static final Retention DEFAULT = new Retention(Duration.ofDays(90), Keep.QUALIFIED);

    public enum Keep {
        /** Keep the partners who solicited (in any conversation) and linked accounts. */
        QUALIFIED,
        /** Keep those and any conversation that reached a stage. */
        STAGED
    }

    public Retention {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(keep, "keep");
        if (after.isNegative()) {
            throw new IllegalArgumentException("a retention time must not be negative");
        }
    }
}
