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

    @Option(names = "--no-persona-check",
            description = "Also import files with messages in which none of the persona's nicks appears (a partner "
                    + "wrote and the persona never answered). Without it such a file is refused.")
    boolean noPersonaCheck;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders of logs.")
    List<Path> paths;

    Persona persona() {
        return Persona.ofNicknames(personaNicks);
    }

    /** @param network a network name to use instead of the one the files name, or null */
    LogImporter importer(ConversationStore store, String network, ImportListener listener) {
        LogImporter importer = new LogImporter(store, persona(), zone, network, listener);
        return noPersonaCheck ? importer.withoutPersonaCheck() : importer;
    }
}
