package org.sweetie.capture.logs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sweetie.core.Account;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Network;

/**
 * Which partner a query log belongs to when it goes on from another nick's log. WeeChat and irssi close a query's log
 * when the partner changes nick and go on in a file named after the new nick, which begins with the nick change; the
 * new file continues the old nick's account and conversation, so one partner stays one account whatever the order
 * in which his files are imported.
 *
 * <p>The old nick's account is, in this order:
 * <ol>
 * <li>followed back through the files of the same import that go on from one another (a, then b beginning "a is now
 * known as b", then c beginning "b is now known as c" are all a's), to the first nick of the chain;</li>
 * <li>that nick's own account, when the store has a conversation with it on the network;</li>
 * <li>else the one account on the network the store has seen under that nick (a display name: an earlier import of a
 * file that went on from it);</li>
 * <li>else a new account named after that nick, which its own log, imported later, goes into as well.</li>
 * </ol>
 */
final class PartnerContinuity {
    private final ConversationStore store;
    /** Per network, a nick a file goes on with (folded) to the nick the file began as. */
    private final Map<String, String> earlierNick = new HashMap<>();
    /** Per network, the accounts seen under each name (folded), built on first use. */
    private final Map<Network, Map<String, Set<String>>> seenUnder = new HashMap<>();
    private final Map<Network, Set<String>> withConversation = new HashMap<>();

    PartnerContinuity(ConversationStore store) {
        this.store = store;
    }

    /** A file of this import with partner {@code nick} begins with the nick change from {@code oldNick}. */
    void goesOn(Network network, String nick, String oldNick) {
        earlierNick.put(key(network, nick), oldNick);
    }

    /** How many files of this import come before this nick's in its chain: they are imported first. */
    int depth(Network network, String nick) {
        int depth = 0;
        Set<String> seen = new HashSet<>();
        for (String at = nick; seen.add(key(network, at)) && earlierNick.containsKey(key(network, at)); depth++) {
            at = earlierNick.get(key(network, at));
        }
        return depth;
    }

    /** The account a file that goes on from {@code oldNick} belongs to. */
    String accountOf(Network network, String oldNick) {
        String first = oldNick;
        Set<String> seen = new HashSet<>();
        while (seen.add(key(network, first)) && earlierNick.containsKey(key(network, first))) {
            first = earlierNick.get(key(network, first));
        }
        String handle = Account.handleOf(first);
        if (withConversation(network).contains(handle)) {
            return handle;
        }
        Set<String> accounts = seenUnder(network).getOrDefault(handle, Set.of());
        return accounts.size() == 1 ? accounts.iterator().next() : handle;
    }

    private static String key(Network network, String nick) {
        return network.name() + '\0' + Account.handleOf(nick);
    }

    private Set<String> withConversation(Network network) {
        return withConversation.computeIfAbsent(network, n -> {
            Set<String> handles = new HashSet<>();
            for (Conversation c : store.conversations()) {
                if (c.key().network().equals(n)) {
                    handles.add(c.key().partnerAccount());
                }
            }
            return handles;
        });
    }

    private Map<String, Set<String>> seenUnder(Network network) {
        return seenUnder.computeIfAbsent(network, n -> {
            Map<String, Set<String>> index = new HashMap<>();
            for (String handle : withConversation(n)) {
                List<String> names = store.account(n, handle).displayNames();
                for (String name : names) {
                    index.computeIfAbsent(Account.handleOf(name), x -> new HashSet<>()).add(handle);
                }
            }
            return index;
        });
    }
}
