package org.sweetie.identity;

import java.util.List;

/** Why accounts are one suspect: the key they share, the accounts that showed it, and where each showed it. */
public record Link(LinkKey key, List<AccountRef> accounts, List<Source> sources) {
    public Link {
        accounts = List.copyOf(accounts);
        sources = List.copyOf(sources);
    }
}
