package org.sweetie.app;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.sweetie.capture.logs.ImportListener;
import org.sweetie.capture.logs.LogImporter;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Persona;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command that reads chat logs is told: whose logs, in which time zone, and where they are. */
final class LogOptions {
    @Option(names = "--persona", required = true, split = ",", paramLabel = "NICK",
            description = "The persona's nicks; lines by them are the persona's, all others the partner's. "
                    + "The first is the persona's handle.")
    List<String> personaNicks;

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "Time zone of the clock times in WeeChat and irssi logs (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders of logs.")
    List<Path> paths;

    /** @param network a network name to use instead of the one the files name, or null */
    LogImporter importer(ConversationStore store, String network, ImportListener listener) {
        return new LogImporter(store, Persona.ofNicknames(personaNicks), zone, network, listener);
    }
}
