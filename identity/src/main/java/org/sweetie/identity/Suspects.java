package org.sweetie.identity;

import java.util.List;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;

/**
 * Reads the store into suspects and their profiles: the partner account of every conversation, the identifiers the
 * analysis flagged (strong ones link), the account's user@host, nick changes seen in events, qualification,
 * warnings and signs of hands-on risk ({@link ConversationFacts}), linked in the order the conversations were
 * stored ({@link SuspectLedger}).
 */
public final class Suspects {
    private Suspects() {
    }

    /** The suspects in the store, with the analysts' rejected links left out. */
    public static List<Profile> read(ConversationStore store) {
        return ledger(store).profiles();
    }

    /** The suspects, highest referral priority first (then by number). */
    public static List<Profile> byPriority(ConversationStore store) {
        return ledger(store).byPriority();
    }

    static List<Profile> byPriority(List<Profile> profiles) {
        return SuspectLedger.sorted(profiles.toArray(Profile[]::new));
    }

    /** A ledger fed every conversation of the store, from scratch. */
    static SuspectLedger ledger(ConversationStore store) {
        SuspectLedger ledger = new SuspectLedger();
        for (Conversation c : store.conversations()) {
            ledger.put(ConversationFacts.read(store, c));
        }
        ledger.decisions(store.linkDecisions());
        return ledger;
    }
}
