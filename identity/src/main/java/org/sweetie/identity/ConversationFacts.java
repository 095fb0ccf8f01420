package org.sweetie.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sweetie.core.Account;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Flag;
import org.sweetie.core.IdentifierType;
import org.sweetie.core.Message;

/**
 * What one conversation tells about its partner, read from the store once and kept until the conversation changes:
 * the identifiers revealed, the keys that tie accounts (in the order they were shown), qualification, warnings, a
 * referral mark and signs of hands-on risk. Suspects are these facts of every conversation, linked.
 *
 * @param ties every key an account showed in this conversation, in the order {@link SuspectIndex} is told them
 */
record ConversationFacts(long id, AccountRef partner, String persona, List<Revealed> revealed, List<Tie> ties,
                         String qualification, int warnings, boolean referral, List<Source> handsOnRisk) {
    /** Asking about siblings or proposing to meet: signs that the risk goes beyond the webcam. */
    private static final Pattern HANDS_ON = Pattern.compile("(?i)\\b(sister|brother|siblings?|kapatid|zus|broer"
            + "|schwester|bruder|hermana|hermano|soeur|frere|irma|irmao|meet|visit you|your address|hotel"
            + "|afspreken|treffen|encontrar|rencontr)\\w*");
    private static final Pattern NICK_CHANGE = Pattern.compile("is now known as (\\S+)");

    /** An account showed a key, there. */
    record Tie(AccountRef account, LinkKey key, Source source) {
    }

    ConversationFacts {
        revealed = List.copyOf(revealed);
        ties = List.copyOf(ties);
        handsOnRisk = List.copyOf(handsOnRisk);
    }

    /** Reads the conversation's flags, events, messages and its partner's account (for the user@host). */
    static ConversationFacts read(ConversationStore store, Conversation c) {
        AccountRef partner = new AccountRef(c.key().network(), c.key().partnerAccount());
        List<Revealed> revealed = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        String qualification = "none";
        for (Flag flag : store.flags(c.id())) {
            if (flag.kind().equals("identifier")) {
                IdentifierType type = IdentifierType.valueOf(flag.value().toUpperCase(Locale.ROOT));
                Source source = new Source(c.id(), flag.seq());
                revealed.add(new Revealed(type, flag.detail(), partner, source));
                LinkKey.identifier(type, flag.detail()).ifPresent(key -> ties.add(new Tie(partner, key, source)));
            } else if (flag.kind().equals("qualified")) {
                qualification = flag.value().equals("wcst") || qualification.equals("wcst") ? "wcst"
                        : "solicitation";
            }
        }
        int warnings = 0;
        boolean referral = false;
        for (Event e : store.events(c.id())) {
            if (e.kind() == EventKind.WARNING) {
                warnings++;
            } else if (e.kind() == EventKind.REFERRAL) {
                referral = true;
            } else if (e.kind() == EventKind.NICK_CHANGE) {
                var m = NICK_CHANGE.matcher(e.detail());
                if (m.find()) {
                    AccountRef other = new AccountRef(c.key().network(), Account.handleOf(m.group(1)));
                    if (!other.equals(partner)) {
                        LinkKey key = LinkKey.nickChange(c.key().network().name(), e.actor(), m.group(1));
                        ties.add(new Tie(partner, key, new Source(c.id(), 0)));
                        ties.add(new Tie(other, key, new Source(c.id(), 0)));
                    }
                }
            }
        }
        List<Source> risk = new ArrayList<>();
        for (Message m : store.messages(c.id())) {
            if (m.author().kind() == AuthorKind.PARTNER && HANDS_ON.matcher(m.text()).find()) {
                risk.add(new Source(c.id(), m.seq()));
            }
        }
        store.findAccount(c.key().network(), c.key().partnerAccount()).flatMap(a -> LinkKey.host(a.host()))
                .ifPresent(key -> ties.add(new Tie(partner, key, new Source(c.id(), 0))));
        return new ConversationFacts(c.id(), partner, c.key().persona(), revealed, ties, qualification, warnings,
                referral, risk);
    }
}
