package org.sweetie.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sweetie.core.IdentifierType;

/**
 * What can tie two accounts to one person: a strong identifier both revealed (email, phone, messenger, social or
 * payment handle, crypto address), the same IRC user@host on a host that is not a shared gateway, or a nick change
 * seen on the wire. Names, ages, places, occupations and nick prefixes never link: many people share them.
 *
 * @param kind the identifier type's key, {@code host} or {@code nick}
 */
public record LinkKey(String kind, String value) {
    private static final Set<IdentifierType> WEAK = Set.of(IdentifierType.NAME, IdentifierType.AGE,
            IdentifierType.LOCATION, IdentifierType.OCCUPATION, IdentifierType.URL, IdentifierType.IP);
    /** Hosts many people share: web chat gateways, bouncers, the local machine. */
    private static final Set<String> SHARED_HOSTS = Set.of("irccloud", "mibbit", "kiwiirc", "webchat", "gateway",
            "localhost", "127.0.0.1", "::1", "qwebirc", "bnc", "znc");

    /** The key for an identifier, if it is strong enough to link accounts. */
    public static Optional<LinkKey> identifier(IdentifierType type, String normalized) {
        if (WEAK.contains(type) || normalized == null || normalized.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new LinkKey(type.key(), normalized.toLowerCase(Locale.ROOT)));
    }

    /** The key for an IRC user@host, unless the host is a shared gateway or the local machine. */
    public static Optional<LinkKey> host(String userAtHost) {
        if (userAtHost == null || !userAtHost.contains("@") || userAtHost.contains("/")) {
            return Optional.empty(); // XMPP full JIDs are the account itself; no link from them
        }
        String lower = userAtHost.toLowerCase(Locale.ROOT);
        String host = lower.substring(lower.indexOf('@') + 1);
        if (SHARED_HOSTS.stream().anyMatch(host::contains)) {
            return Optional.empty();
        }
        return Optional.of(new LinkKey("host", lower.replaceFirst("^~", "")));
    }

    public static LinkKey nickChange(String network, String from, String to) {
        return new LinkKey("nick", network + ": " + from + " -> " + to);
    }

    @Override
    public String toString() {
        return kind + " " + value;
    }
}
