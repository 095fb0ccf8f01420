package org.sweetie.app;

import java.time.Duration;
import picocli.CommandLine.Option;

/** What 'console' and 'run --console' ask alike of the console: what is in front of it, how long a session lasts. */
final class ConsoleSessionOptions {
    @Option(names = "--behind-proxy", description = "A TLS reverse proxy is in front of the console: trust its "
            + "X-Forwarded-Proto (Secure cookies) and X-Forwarded-For (the address the audit records; "
            + "docs/console.md).")
    boolean behindProxy;

    @Option(names = "--idle", paramLabel = "DURATION", defaultValue = "30m",
            description = "End a console session idle for this long (default: ${DEFAULT-VALUE}).")
    Duration idle;
}
