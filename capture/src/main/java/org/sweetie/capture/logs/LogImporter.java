package org.sweetie.capture.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Persona;

/**
 * Imports existing chat logs into the store: files and folders of WeeChat, irssi and Sweetie JSON Lines logs. The
 * persona's lines are told from the partner's by the persona's nicknames. Every file streams with constant memory;
 * a malformed line is reported and skipped; importing the same lines again adds nothing.
 */
public final class LogImporter {
    private final ConversationStore store;
    private final Persona persona;
    private final ZoneId zone;
    private final String network;
    private final ImportListener listener;
    private final boolean rereadImported;

    /**
     * @param zone the time zone the logs' clock times are in (WeeChat and irssi write local time without a zone)
     * @param network a network name to use instead of the one the file names, or null
     */
    public LogImporter(ConversationStore store, Persona persona, ZoneId zone, String network,
                       ImportListener listener) {
        this(store, store.persona(persona), zone, network, listener, false);
    }

    private LogImporter(ConversationStore store, Persona persona, ZoneId zone, String network,
                        ImportListener listener, boolean rereadImported) {
        this.store = store;
        this.persona = persona;
        this.zone = zone;
        this.network = network;
        this.listener = listener;
        this.rereadImported = rereadImported;
    }

    /**
     * The same importer, but files imported before are read again (nothing is stored twice) so that the listener
     * hears of every conversation they hold: for reporting on files, as {@code sweetie analyze} does.
     */
    public LogImporter rereadingImportedFiles() {
        return new LogImporter(store, persona, zone, network, listener, true);
    }

    /** Imports every log in the given files and folders (folders are walked in name order). */
    public ImportSummary importPaths(List<Path> paths) throws IOException {
        List<LogFile> logs = new ArrayList<>();
        int skippedFiles = 0;
        for (Path file : files(paths)) {
            try {
                logs.add(LogFile.recognise(file, network));
            } catch (LogFile.NotALogException e) {
                skippedFiles++;
                listener.skippedFile(file, e.getMessage());
            }
        }
        long total = 0;
        for (LogFile log : logs) {
            total += Files.size(log.path());
        }
        listener.starting(total);
        Tally tally = new Tally();
        long done = 0;
        for (LogFile log : logs) {
            long size = Files.size(log.path());
            try {
                ImportHistory.Start start = ImportHistory.find(store, log.path());
                tally.linesAlreadyImported += start.lines();
                if (start.bytes() < size || rereadImported) {
                    new FileImport(store, persona, log, zone, listener, tally, done).run(start);
                }
            } catch (ImportHistory.ChangedLogException e) {
                tally.changedFiles++;
                listener.skippedFile(log.path(), log.path() + ": " + e.getMessage());
            }
            done += size;
            listener.progressed(done);
        }
        return tally.summary(logs.size(), skippedFiles);
    }

    private Set<Path> files(List<Path> paths) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(p -> files.add(p.toAbsolutePath().normalize()));
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path.toAbsolutePath().normalize());
            } else {
                throw new IOException("no such file or folder: " + path);
            }
        }
        return files;
    }

    /** Counts over a whole import. */
    static final class Tally {
        final Set<Long> conversations = new HashSet<>();
        long messagesAdded;
        long messagesPresent;
        long eventsAdded;
        long skippedLines;
        long rejectedLines;
        long linesAlreadyImported;
        int changedFiles;

        ImportSummary summary(int files, int skippedFiles) {
            return new ImportSummary(files, skippedFiles, changedFiles, conversations.size(), messagesAdded,
                    messagesPresent, eventsAdded, linesAlreadyImported, skippedLines, rejectedLines);
        }
    }
}
