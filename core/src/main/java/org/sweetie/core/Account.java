package org.sweetie.core;

import java.util.List;
import java.util.Objects;

/**
 * An account on one network: the persona's own or a partner's. The handle is the stable id Sweetie keys it by
 * (the IRC nick it was first seen under, case-folded; the XMPP bare JID); display names collect every nick it used,
 * so a nick change does not split one person into two accounts.
 *
 * @param host the last seen network-level data: IRC user@host, XMPP full JID with resource; null when unknown
 */
public record Account(long id, Network network, String handle, List<String> displayNames, String host) {
    public Account {
        Objects.requireNonNull(network, "network");
        handle = Text.foldHandle(handle);
        displayNames = List.copyOf(displayNames);
    }

    /** The handle form of any name on a network, for lookups. */
    public static String handleOf(String name) {
        return Text.foldHandle(name);
    }
}
