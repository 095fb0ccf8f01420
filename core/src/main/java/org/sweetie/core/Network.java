package org.sweetie.core;

import java.util.Objects;

/**
 * A chat network as Sweetie knows it: a name chosen by the deployment (or taken from the log that was imported)
 * and the protocol spoken there. Two accounts are only comparable on the same network.
 */
public record Network(String name, Protocol protocol) {
    public Network {
        name = Text.requireNonBlank(name, "network name");
        Objects.requireNonNull(protocol, "protocol");
    }

    public static Network irc(String name) {
        return new Network(name, Protocol.IRC);
    }
}
