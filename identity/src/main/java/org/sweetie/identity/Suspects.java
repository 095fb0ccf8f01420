package org.sweetie.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.sweetie.core.Network;

/**
 * Reads the store into suspects and their profiles: the partner account of every conversation, the identifiers the
 * analysis flagged (strong ones link), the account's user@host, nick changes seen in events, qualification,
 * warnings and signs of hands-on risk.
 */
public final class Suspects {
    /** Asking about siblings or proposing to meet: signs that the risk goes beyond the webcam. */
    private static final Pattern HANDS_ON = Pattern.compile("(?i)\\b(sister|brother|siblings?|kapatid|zus|broer"
            + "|schwester|bruder|hermana|hermano|soeur|frere|irma|irmao|meet|visit you|your address|hotel"
            + "|afspreken|treffen|encontrar|rencontr)\\w*");
    private static final Pattern NICK_CHANGE = Pattern.compile("is now known as (\\S+)");

    private Suspects() {
    }

    /** The suspects in the store, with the analysts' rejected links left out. */
    public static List<Profile> read(ConversationStore store) {
        SuspectIndex index = new SuspectIndex();
        Map<AccountRef, Facts> facts = new HashMap<>();
        for (Conversation c : store.conversations()) {
            AccountRef partner = new AccountRef(c.key().network(), c.key().partnerAccount());
            index.account(partner);
            Facts f = facts.computeIfAbsent(partner, p -> new Facts());
            f.conversations.add(c.id());
            f.personas.add(c.key().persona());
            readFlags(store.flags(c.id()), c, partner, f, index);
            readEvents(store.events(c.id()), c, partner, f, index);
            readMessages(store.messages(c.id()), c, f);
            store.findAccount(c.key().network(), c.key().partnerAccount()).flatMap(a -> LinkKey.host(a.host()))
                    .ifPresent(key -> index.add(partner, key, new Source(c.id(), 0)));
        }
        for (org.sweetie.core.LinkDecision d : store.linkDecisions()) {
            if (d.decision().equals("reject")) {
                Network network = facts.keySet().stream().map(AccountRef::network)
                        .filter(n -> n.name().equals(d.network())).findFirst().orElse(null);
                if (network != null) {
                    index.reject(new LinkKey(d.keyKind(), d.keyValue()), new AccountRef(network, d.handle()));
                }
            }
        }
        List<Profile> profiles = new ArrayList<>();
        for (Suspect suspect : index.suspects()) {
            profiles.add(profile(suspect, facts));
        }
        return profiles;
    }

    /** The suspects, highest referral priority first (then by number). */
    public static List<Profile> byPriority(ConversationStore store) {
        return byPriority(read(store));
    }

    static List<Profile> byPriority(List<Profile> profiles) {
        return profiles.stream().sorted(java.util.Comparator.comparingInt(Profile::priority).reversed()
                .thenComparingInt(p -> p.suspect().number())).toList();
    }

    /** What one account contributed, before accounts are grouped. */
    private static final class Facts {
        final List<Revealed> revealed = new ArrayList<>();
        final List<Long> conversations = new ArrayList<>();
        final Set<String> personas = new HashSet<>();
        final List<Source> handsOnRisk = new ArrayList<>();
        String qualification = "none";
        int warnings;
        boolean referral;
    }

    private static void readFlags(List<Flag> flags, Conversation c, AccountRef partner, Facts f, SuspectIndex index) {
        for (Flag flag : flags) {
            if (flag.kind().equals("identifier")) {
                IdentifierType type = IdentifierType.valueOf(flag.value().toUpperCase(java.util.Locale.ROOT));
                Source source = new Source(c.id(), flag.seq());
                f.revealed.add(new Revealed(type, flag.detail(), partner, source));
                LinkKey.identifier(type, flag.detail()).ifPresent(key -> index.add(partner, key, source));
            } else if (flag.kind().equals("qualified")) {
                f.qualification = flag.value().equals("wcst") || f.qualification.equals("wcst") ? "wcst"
                        : "solicitation";
            }
        }
    }

    private static void readEvents(List<Event> events, Conversation c, AccountRef partner, Facts f,
                                   SuspectIndex index) {
        for (Event e : events) {
            if (e.kind() == EventKind.WARNING) {
                f.warnings++;
            } else if (e.kind() == EventKind.REFERRAL) {
                f.referral = true;
            } else if (e.kind() == EventKind.NICK_CHANGE) {
                var m = NICK_CHANGE.matcher(e.detail());
                if (m.find()) {
                    AccountRef other = new AccountRef(c.key().network(), Account.handleOf(m.group(1)));
                    if (!other.equals(partner)) {
                        LinkKey key = LinkKey.nickChange(c.key().network().name(), e.actor(), m.group(1));
                        index.add(partner, key, new Source(c.id(), 0));
                        index.add(other, key, new Source(c.id(), 0));
                    }
                }
            }
        }
    }

    private static void readMessages(List<Message> messages, Conversation c, Facts f) {
        for (Message m : messages) {
            if (m.author().kind() == AuthorKind.PARTNER && HANDS_ON.matcher(m.text()).find()) {
                f.handsOnRisk.add(new Source(c.id(), m.seq()));
            }
        }
    }

    private static Profile profile(Suspect suspect, Map<AccountRef, Facts> facts) {
        List<Revealed> revealed = new ArrayList<>();
        List<Long> conversations = new ArrayList<>();
        List<Source> risk = new ArrayList<>();
        Set<String> personas = new HashSet<>();
        Set<String> networks = new HashSet<>();
        String qualification = "none";
        int warnings = 0;
        boolean referral = false;
        for (AccountRef account : suspect.accounts()) {
            Facts f = facts.getOrDefault(account, new Facts());
            revealed.addAll(f.revealed);
            conversations.addAll(f.conversations);
            risk.addAll(f.handsOnRisk);
            personas.addAll(f.personas);
            networks.add(account.network().name());
            qualification = rank(f.qualification) > rank(qualification) ? f.qualification : qualification;
            warnings += f.warnings;
            referral |= f.referral;
        }
        return new Profile(suspect, revealed, conversations, qualification, warnings > 1 || referral,
                personas.size(), networks.size(), risk);
    }

    private static int rank(String qualification) {
        return switch (qualification) {
            case "wcst" -> 2;
            case "solicitation" -> 1;
            default -> 0;
        };
    }
}
