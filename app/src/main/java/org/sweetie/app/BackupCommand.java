package org.sweetie.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sweetie.core.ConversationStore;
import org.sweetie.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes an encrypted backup of a SQLite store and its key file: a consistent copy taken "
                + "while a run may be capturing, sealed with the key file's passphrase ($SWEETIE_PASSPHRASE, "
                + "--passphrase-file, or asked on the terminal). 'sweetie restore' brings it back. A PostgreSQL store is backed up "
                + "with pg_dump and the key file (docs/security.md)."})
final class BackupCommand implements Callable<Integer> {
    static final String STORE = "store.db";
    static final String KEY = "keys";
    static final String ABOUT = "backup.json";

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write (new).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists: a backup is written to a new file");
        }
        // the key file's passphrase: the backup holds the key file, which opens with it only anyway
        char[] passphrase = store.passphrase("Passphrase of " + store.key + ": ");
        KeyRing.open(store.key, passphrase); // a wrong one fails here, before anything is written
        Path folder = out.toAbsolutePath().getParent();
        Path snapshot = Files.createTempFile(folder, ".sweetie-snapshot", ".db");
        Path sealed = Files.createTempFile(folder, ".sweetie-backup", ".tmp");
        try {
            Files.delete(snapshot); // VACUUM INTO writes a new file only
            long conversations;
            try (Workspace workspace = store.openExisting()) {
                Stores.snapshot(store.location, snapshot);
                ConversationStore s = workspace.store();
                conversations = s.counts().conversations();
            }
            try (OutputStream file = Files.newOutputStream(sealed);
                 ZipOutputStream zip = new ZipOutputStream(SealedFile.seal(file, passphrase))) {
                put(zip, ABOUT, new ObjectMapper().createObjectNode().put("made", Instant.now().toString())
                        .put("store", store.location).put("conversations", conversations).toString()
                        .getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry(STORE));
                Files.copy(snapshot, zip);
                zip.closeEntry();
                put(zip, KEY, Files.readAllBytes(store.key));
            }
            Files.move(sealed, out, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().println("Wrote " + out + ": the store (" + conversations
                    + " conversations) and its key file, encrypted; restore with 'sweetie restore " + out
                    + " --db LOCATION --key FILE'");
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
            Files.deleteIfExists(snapshot);
            Files.deleteIfExists(sealed);
        }
        return 0;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
