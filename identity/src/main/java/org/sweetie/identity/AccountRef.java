package org.sweetie.identity;

import java.util.Objects;
import org.sweetie.core.Network;

/** An account by what names it: its network and handle. */
public record AccountRef(Network network, String handle) {
    public AccountRef {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(handle, "handle");
    }

    @Override
    public String toString() {
        return handle + "@" + network.name();
    }
}
