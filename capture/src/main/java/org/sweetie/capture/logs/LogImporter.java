package org.sweetie.capture.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Persona;

/**
 * Imports existing chat logs into the store: files and folders of WeeChat, irssi and Sweetie JSON Lines logs. The
 * persona's lines are told from the partner's by the persona's nicknames. Every file streams with constant memory;
 * a malformed line is reported and skipped; importing the same lines again adds nothing.
 *
 * <p>Before anything is stored every file is looked at: a file with messages in which none of the persona's nicks
 * appears is refused (reported, not imported; the others are), since it would store the persona's lines as a
 * partner's, and a query log that begins with the partner's nick change is imported into the old nick's account
 * and conversation ({@link PartnerContinuity}), after the files it goes on from.
 */
public final class LogImporter {
    private final ConversationStore store;
    private final Persona persona;
    private final ZoneId zone;
    private final String network;
    private final ImportListener listener;
    private final Mode mode;

    /** How an importer differs from the plain one. */
    private record Mode(boolean rereadImported, boolean checkPersona, boolean dryRun) {
    }

    /**
     * @param persona who the persona is: lines by its nicknames are the persona's; its handle is its handle in the
     *        store
     * @param zone the time zone the logs' clock times are in (WeeChat and irssi write local time without a zone)
     * @param network a network name to use instead of the one the file names, or null
     */
    public LogImporter(ConversationStore store, Persona persona, ZoneId zone, String network,
                       ImportListener listener) {
        this(store, persona, zone, network, listener, new Mode(false, true, false));
    }

    private LogImporter(ConversationStore store, Persona persona, ZoneId zone, String network,
                        ImportListener listener, Mode mode) {
        this.store = store;
        this.persona = persona;
        this.zone = zone;
        this.network = network;
        this.listener = listener;
        this.mode = mode;
    }

    /**
     * The same importer, but files imported before are read again (nothing is stored twice) so that the listener
     * hears of every conversation they hold: for reporting on files, as {@code sweetie analyze} does.
     */
    public LogImporter rereadingImportedFiles() {
        return new LogImporter(store, persona, zone, network, listener,
                new Mode(true, mode.checkPersona(), mode.dryRun()));
    }

    /** The same importer, but it also imports files in which none of the persona's nicks appears. */
    public LogImporter withoutPersonaCheck() {
        return new LogImporter(store, persona, zone, network, listener,
                new Mode(mode.rereadImported(), false, mode.dryRun()));
    }

    /**
     * The same importer, but it stores nothing: the listener hears for each file what an import would store
     * ({@link ImportListener#planned}) and the summary counts what would be added.
     */
    public LogImporter dryRun() {
        return new LogImporter(store, persona, zone, network, listener,
                new Mode(mode.rereadImported(), mode.checkPersona(), true));
    }

    /** A file to import, with what earlier imports stored of it and the first look at it. */
    private record Pending(LogFile log, ImportHistory.Start start, LogPreview preview, long size) {
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
        if (!mode.dryRun()) {
            store.persona(persona);
        }
        Tally tally = new Tally();
        PartnerContinuity continuity = new PartnerContinuity(store);
        List<Pending> pending = lookAt(logs, tally, continuity);
        // a file that goes on from another nick's is imported after it, so the conversation keeps the logs' order
        pending.sort(Comparator.comparingInt(p -> p.preview().continues() == null ? 0
                : 1 + continuity.depth(p.log().target().network(), p.preview().continues())));
        ConversationIds ids = mode.dryRun() ? new ConversationIds(store) : null;
        long done = 0;
        for (Pending p : pending) {
            tally.linesAlreadyImported += p.start().lines();
            if (p.start().bytes() < p.size() || mode.rereadImported()) {
                String continued = p.preview().continues() == null ? null
                        : continuity.accountOf(p.log().target().network(), p.preview().continues());
                Tally file = new Tally();
                Destination into = mode.dryRun() ? new Rehearsal(ids::of)
                        : new StoredFile(store, p.log().path(), p.start());
                new FileImport(persona, p.log(), zone, listener, file, done, continued).run(p.start(), into);
                tally.add(file);
                if (into instanceof Rehearsal rehearsal) {
                    listener.planned(file.plan(p, null, rehearsal.conversations()));
                }
            } else if (mode.dryRun()) {
                listener.planned(new Tally().plan(p, null, List.of()));
            }
            done += p.size();
            listener.progressed(done);
        }
        return tally.summary(logs.size(), skippedFiles);
    }

    /** Reads the beginning of every log: refuses those without the persona, notes those that go on from others. */
    private List<Pending> lookAt(List<LogFile> logs, Tally tally, PartnerContinuity continuity) throws IOException {
        List<Pending> pending = new ArrayList<>();
        for (LogFile log : logs) {
            ImportHistory.Start start;
            try {
                start = ImportHistory.find(store, log.path());
            } catch (ImportHistory.ChangedLogException e) {
                tally.changedFiles++;
                listener.skippedFile(log.path(), log.path() + ": " + e.getMessage());
                continue;
            }
            // a file imported before was accepted then: what is appended to it belongs to the same conversation
            boolean check = mode.checkPersona() && start.lines() == 0;
            LogPreview preview = LogPreview.read(log, zone, persona, check);
            Pending p = new Pending(log, start, preview, Files.size(log.path()));
            if (preview.continues() != null) {
                // also when refused: the files that go on from this one still belong to the nick it began as
                continuity.goesOn(log.target().network(), log.target().partner(), preview.continues());
            }
            String refusal = check ? preview.refusal(persona) : null;
            if (refusal != null) {
                tally.refusedFiles++;
                listener.refused(log.path(), refusal);
                if (mode.dryRun()) {
                    listener.planned(new Tally().plan(p, refusal, List.of()));
                }
                continue;
            }
            pending.add(p);
        }
        return pending;
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

    /** In a dry run, the ids conversations have or would have: stored ones their own, new ones one below 0. */
    private static final class ConversationIds {
        private final Map<ConversationKey, Long> ids = new HashMap<>();
        private long next = -1;

        ConversationIds(ConversationStore store) {
            for (Conversation c : store.conversations()) {
                ids.put(c.key(), c.id());
            }
        }

        long of(ConversationKey key) {
            return ids.computeIfAbsent(key, k -> next--);
        }
    }

    /** Counts over a file or a whole import. */
    static final class Tally {
        final Set<Long> conversations = new HashSet<>();
        long messagesAdded;
        long messagesPresent;
        long eventsAdded;
        long skippedLines;
        long rejectedLines;
        long clientLines;
        long linesAlreadyImported;
        int changedFiles;
        int refusedFiles;

        void add(Tally file) {
            conversations.addAll(file.conversations);
            messagesAdded += file.messagesAdded;
            messagesPresent += file.messagesPresent;
            eventsAdded += file.eventsAdded;
            skippedLines += file.skippedLines;
            rejectedLines += file.rejectedLines;
            clientLines += file.clientLines;
        }

        FilePlan plan(Pending p, String refusal, List<FilePlan.ConversationPlan> conversations) {
            return new FilePlan(p.log().path(), p.log().format(), p.preview().continues(), refusal,
                    p.start().lines(), conversations, clientLines, skippedLines, rejectedLines);
        }

        ImportSummary summary(int files, int skippedFiles) {
            return new ImportSummary(files, skippedFiles, changedFiles, refusedFiles, conversations.size(),
                    messagesAdded, messagesPresent, eventsAdded, linesAlreadyImported, skippedLines, rejectedLines,
                    clientLines);
        }
    }
}
