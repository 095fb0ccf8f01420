package org.sweetie.capture.logs;

import java.nio.file.Path;
import java.time.Instant;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.ImportedFile;
import org.sweetie.core.Message;
import org.sweetie.core.Network;

/** A file's lines going into the store, with the record of which bytes of the file they came from. */
final class StoredFile implements Destination {
    private final ConversationStore store;
    private final Path path;
    private final ImportHistory.Start start;
    private final ConversationStore.Appender unit;
    private ImportedFile run;

    StoredFile(ConversationStore store, Path path, ImportHistory.Start start) {
        this.store = store;
        this.path = path;
        this.start = start;
        this.unit = store.appender();
    }

    @Override
    public Conversation conversation(ConversationKey key) {
        return store.conversation(key);
    }

    @Override
    public void sawAccount(Network network, String handle, String name, String host) {
        store.sawAccount(network, handle, name, host);
    }

    @Override
    public boolean add(Conversation conversation, Message message) {
        return unit.add(conversation, message).isPresent();
    }

    @Override
    public boolean record(Conversation conversation, Event event) {
        return unit.record(conversation, event);
    }

    /** Records how far the import got, in the same transaction as the lines it read. */
    @Override
    public void commit(LogLines lines) {
        ImportedFile progress = new ImportedFile(run == null ? 0 : run.id(), path.toString(), start.headSha256(),
                lines.position(), lines.lines(), lines.sha256(), Instant.now());
        run = store.recordImport(progress);
        unit.commit();
    }

    @Override
    public void close() {
        unit.close();
    }
}
