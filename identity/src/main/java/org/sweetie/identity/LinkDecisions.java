package org.sweetie.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.LinkDecision;

/**
 * An analyst's decision on what ties a suspect's accounts together: confirm or reject one link of an account, or
 * split the account off (reject every link of it). One implementation for the command line and the console. Each
 * decision is kept in the store, where the linking applies it, and handed to {@code recorded} (the evidence log).
 */
public final class LinkDecisions {
    /** What an analyst decides. */
    public enum Action {
        CONFIRM, REJECT, SPLIT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> of(String word) {
            for (Action action : values()) {
                if (action.key().equals(word)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    private final ConversationStore store;
    private final Consumer<LinkDecision> recorded;
    private final Clock clock;

    private final java.util.function.Supplier<List<Profile>> suspects;

    public LinkDecisions(ConversationStore store, Consumer<LinkDecision> recorded, Clock clock) {
        this(store, () -> Suspects.read(store), recorded, clock);
    }

    /** With the suspects as a long-running reader keeps them (the console's {@link SuspectBook}). */
    public LinkDecisions(ConversationStore store, SuspectBook book, Consumer<LinkDecision> recorded, Clock clock) {
        this(store, book::read, recorded, clock);
    }

    private LinkDecisions(ConversationStore store, java.util.function.Supplier<List<Profile>> suspects,
                          Consumer<LinkDecision> recorded, Clock clock) {
        this.store = store;
        this.suspects = suspects;
        this.recorded = recorded;
        this.clock = clock;
    }

    /**
     * Decides on the links of one account.
     *
     * @param account the account as {@code HANDLE@NETWORK}
     * @param link the link as {@code KIND:VALUE}, for confirm and reject; not used by split
     * @return the decisions made, one per link; empty when no such link ties the account to another
     */
    public List<LinkDecision> decide(Action action, String account, String link, String analyst, String note) {
        int at = account.lastIndexOf('@');
        if (at <= 0 || at == account.length() - 1) {
            throw new IllegalArgumentException("an account is HANDLE@NETWORK, not '" + account + "'");
        }
        List<Link> chosen = linksOf(account).stream()
                .filter(l -> action == Action.SPLIT || argument(l).equals(link)).toList();
        List<LinkDecision> made = new ArrayList<>();
        for (Link l : chosen) {
            LinkDecision d = new LinkDecision(clock.instant(), analyst, action == Action.CONFIRM ? "confirm"
                    : "reject", l.key().kind(), l.key().value(), account.substring(at + 1), account.substring(0, at),
                    note);
            store.recordLinkDecision(d);
            recorded.accept(d);
            made.add(d);
        }
        return made;
    }

    /** A link as the decisions name it: KIND:VALUE. */
    public static String argument(Link link) {
        return link.key().kind() + ":" + link.key().value();
    }

    private List<Link> linksOf(String account) {
        return suspects.get().stream().flatMap(p -> p.suspect().links().stream())
                .filter(l -> l.accounts().stream().map(AccountRef::toString).anyMatch(account::equals)).toList();
    }
}
