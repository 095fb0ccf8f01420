package org.sweetie.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationQuery;
import org.sweetie.core.ConversationStats;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.web.view.Dashboard;

/**
 * What deterrence achieved, from the warning events in the store: warnings sent by level, and of the partners
 * (accounts) warned, who wrote again after their first warning and who wrote again after the last level. A partner
 * who comes back is counted once, in whichever of his conversations (with any persona) he wrote again.
 */
final class DeterrenceFigures {
    /** How the bot words a warning event (persona Responder): "deterrence warning level 2 of 3". */
    private static final Pattern LEVEL = Pattern.compile("level (\\d+) of (\\d+)");

    private DeterrenceFigures() {
    }

    /** A warned partner: when the first warning went, and when the last level did (null: not reached). */
    private static final class Warned {
        Instant first;
        Instant lastLevel;
    }

    static Dashboard.Deterrence of(ConversationStore store) {
        Map<Integer, Integer> byLevel = new TreeMap<>();
        int levels = 0;
        Map<String, Warned> warned = new HashMap<>();
        // the partners' keys to their conversations (a partner may have had any persona in any of them)
        Map<String, Conversation> partners = new HashMap<>();
        for (long id : store.conversationsWithEvent(EventKind.WARNING)) {
            Conversation c = store.findConversation(id).orElse(null);
            if (c == null) {
                continue;
            }
            partners.putIfAbsent(partner(c), c);
            for (Event e : store.events(c.id())) {
                if (e.kind() != EventKind.WARNING) {
                    continue;
                }
                Matcher m = LEVEL.matcher(e.detail() == null ? "" : e.detail());
                boolean worded = m.find();
                int level = worded ? Integer.parseInt(m.group(1)) : 0;
                int of = worded ? Integer.parseInt(m.group(2)) : 0;
                levels = Math.max(levels, of);
                byLevel.merge(level, 1, Integer::sum);
                Warned w = warned.computeIfAbsent(partner(c), k -> new Warned());
                w.first = w.first == null || e.time().isBefore(w.first) ? e.time() : w.first;
                if (level > 0 && level == of && (w.lastLevel == null || e.time().isBefore(w.lastLevel))) {
                    w.lastLevel = e.time();
                }
            }
        }
        int cameBack = 0;
        int cameBackAfterLast = 0;
        Map<String, boolean[]> back = new HashMap<>();
        for (Conversation c : conversationsOf(store, warned.keySet(), partners)) {
            Warned w = warned.get(partner(c));
            boolean[] seen = back.computeIfAbsent(partner(c), k -> new boolean[2]);
            for (Message m : store.messages(c.id())) {
                if (m.author().kind() == AuthorKind.PARTNER) {
                    seen[0] |= m.time().isAfter(w.first);
                    seen[1] |= w.lastLevel != null && m.time().isAfter(w.lastLevel);
                }
            }
        }
        for (boolean[] seen : back.values()) {
            cameBack += seen[0] ? 1 : 0;
            cameBackAfterLast += seen[1] ? 1 : 0;
        }
        int warnedLast = (int) warned.values().stream().filter(w -> w.lastLevel != null).count();
        List<Dashboard.LevelRow> rows = new ArrayList<>();
        for (var level : byLevel.entrySet()) {
            rows.add(new Dashboard.LevelRow(level.getKey(), level.getValue(), level.getKey() == levels));
        }
        String share = warned.isEmpty() ? "none warned"
                : Math.round(100.0 * cameBack / warned.size()) + " %";
        return new Dashboard.Deterrence(rows, warned.size(), cameBack, share, warnedLast, cameBackAfterLast);
    }

    /** Every conversation of the warned partners, from the store's summaries (the partner's account and network). */
    private static List<Conversation> conversationsOf(ConversationStore store, Set<String> warned,
                                                      Map<String, Conversation> partners) {
        List<Conversation> found = new ArrayList<>();
        for (String partner : warned) {
            ConversationKey key = partners.get(partner).key();
            ConversationQuery query = new ConversationQuery(Set.of(), null, null, null, key.partnerAccount(),
                    key.network().name(), null, null);
            // the store matches the network ignoring case: the partner is the exact account and network
            store.conversationStats(query, 0, Integer.MAX_VALUE).stream().map(ConversationStats::conversation)
                    .filter(c -> partner(c).equals(partner)).forEach(found::add);
        }
        return found;
    }

    private static String partner(Conversation c) {
        return c.key().partnerAccount() + "@" + c.key().network().name();
    }
}
