package org.sweetie.app;

import org.sweetie.core.ConversationStore;
import org.sweetie.core.Retention;
import org.sweetie.identity.Minimisation;

/** Deletes what a retention plan names, through the evidence log (which records the purge), and signs a checkpoint. */
final class RetentionPurge {
    private RetentionPurge() {
    }

    static ConversationStore.Purged run(Workspace workspace, Retention rule, Minimisation.Plan plan, String by) {
        ConversationStore.Purged purged = workspace.evidence().purge(plan.purge(), "data minimisation: quiet since "
                + "before " + plan.cutoff() + ", partner " + (rule.keep() == Retention.Keep.QUALIFIED
                ? "never solicited and has no linked accounts" : "reached no stage and has no linked accounts")
                + " (" + by + ", retention " + human(rule.after()) + ")");
        workspace.evidence().checkpoint();
        return purged;
    }

    /** 90d, 12h, 30m or 45s: the largest unit that divides it, as the deployment file writes durations. */
    static String human(java.time.Duration d) {
        if (d.toDaysPart() > 0 && d.equals(java.time.Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.equals(java.time.Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        if (d.equals(java.time.Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }

    static String describe(ConversationStore.Purged purged) {
        return "deleted " + purged.conversations() + " conversations, " + purged.messages() + " messages, "
                + purged.events() + " events, " + purged.flags() + " flags and " + purged.accounts()
                + " accounts; the evidence log keeps their leaf hashes and a purge entry with these counts";
    }
}
