package org.sweetie.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * How the console is served.
 *
 * @param bind the address to listen on (127.0.0.1 unless it sits behind a reverse proxy on another machine)
 * @param port the port; 0 for any free one
 * @param behindProxy trust X-Forwarded-Proto and X-Forwarded-For from a TLS reverse proxy in front: only then do
 *     they decide whether the cookie is Secure and which address a request came from
 * @param idle how long a session may be idle before it ends
 * @param deskPersonas the personas on the operators' desk (a live deployment's); operators read their conversations
 * @param work the console's working folder: referral packages built in the console, uploads while they are
 *     verified; null for a new temporary folder (readable by this user only) that lives as long as its files
 */
public record ConsoleOptions(String bind, int port, boolean behindProxy, Duration idle, Set<String> deskPersonas,
                             Path work) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ConsoleOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
        }
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be longer than zero, not " + idle);
        }
        deskPersonas = Set.copyOf(deskPersonas);
    }

    /** Options with a temporary working folder. */
    public ConsoleOptions(String bind, int port, boolean behindProxy, Duration idle, Set<String> deskPersonas) {
        this(bind, port, behindProxy, idle, deskPersonas, null);
    }
}
