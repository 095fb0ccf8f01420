package org.sweetie.identity;

import java.util.List;

/** One person behind one or more accounts, with the links that tie the accounts together. */
public record Suspect(int number, List<AccountRef> accounts, List<Link> links) {
    public Suspect {
        accounts = List.copyOf(accounts);
        links = List.copyOf(links);
    }
}
