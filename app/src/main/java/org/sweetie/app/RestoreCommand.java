package org.sweetie.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.sweetie.evidence.KeyHandOvers;
import org.sweetie.evidence.VerifierKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restores a backup made by 'sweetie backup' to a new store and key file, then checks that its "
                + "evidence log still holds what its latest checkpoint signed. Nothing is written over: --db and "
                + "--key must not exist."})
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path backup;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The SQLite store to create.")
    Path db;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The key file to create (the store's keys and the evidence signing key).")
    Path key;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the passphrase from FILE.")
    Path passphraseFile;

    @Override
    public Integer call() throws Exception {
        for (Path target : new Path[] {db, key}) {
            if (Files.exists(target)) {
                throw new IllegalArgumentException(target + " exists: a backup is restored to new files only");
            }
        }
        char[] passphrase = Passphrase.read(passphraseFile, System.getenv(), System.console(),
                "Passphrase of the backup: ");
        Path folder = db.toAbsolutePath().getParent();
        Files.createDirectories(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        Path storeFile = Files.createTempFile(folder, ".sweetie-restore", ".db");
        Path keyFile = Files.createTempFile(folder, ".sweetie-restore", ".key");
        boolean placed = false;
        try {
            unpack(passphrase, storeFile, keyFile);
            Files.createDirectories(key.toAbsolutePath().getParent());
            Files.move(storeFile, db, StandardCopyOption.ATOMIC_MOVE);
            Files.move(keyFile, key, StandardCopyOption.ATOMIC_MOVE);
            placed = true;
            StoreOptions options = StoreOptions.embedded(db.toString(), key, passphrase);
            try (Workspace workspace = options.openExisting()) {
                VerifierKey current = workspace.evidence().verifierKey();
                VerifierKey first = firstSigningKey(passphrase, current);
                Optional<String> problem = new KeyHandOvers(workspace.evidence()).checkLatest(first);
                if (problem.isPresent()) {
                    spec.commandLine().getErr().println("FAILED: the restored evidence log: " + problem.get());
                    return 1;
                }
                spec.commandLine().getOut().println("Restored " + db + " (" + workspace.store().counts().describe()
                        + ") and " + key + "; the evidence log holds what its latest checkpoint signed (" + current
                        // the same key object when it was never rotated
                        + ")" + (first == current ? "" : ", handed over from " + first.name() + " on"));
            }
            return 0;
        } catch (IOException e) {
            if (placed) {
                throw e;
            }
            throw new IOException("cannot restore " + backup + ": " + why(e), e);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
            Files.deleteIfExists(storeFile);
            Files.deleteIfExists(keyFile);
        }
    }

    /**
     * The key the log was first signed with: the oldest retired signing key of the restored key file, or the current
     * one when it was never rotated. The log's hand-overs are checked from it, so a restored log whose key history
     * was rewritten is refused, not only one whose latest checkpoint does not hold.
     */
    private VerifierKey firstSigningKey(char[] passphrase, VerifierKey current) throws IOException {
        java.util.List<String> retired = KeyRing.open(key, passphrase).retired();
        return retired.isEmpty() ? current : VerifierKey.parse(retired.getFirst());
    }

    private void unpack(char[] passphrase, Path storeFile, Path keyFile) throws IOException {
        boolean store = false;
        boolean evidenceKey = false;
        try (InputStream file = Files.newInputStream(backup);
             ZipInputStream zip = new ZipInputStream(SealedFile.open(file, passphrase))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                switch (entry.getName()) {
                    case BackupCommand.STORE -> {
                        Files.copy(zip, storeFile, StandardCopyOption.REPLACE_EXISTING);
                        store = true;
                    }
                    case BackupCommand.KEY -> {
                        Files.copy(zip, keyFile, StandardCopyOption.REPLACE_EXISTING);
                        evidenceKey = true;
                    }
                    default -> zip.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        }
        if (!store || !evidenceKey) {
            throw new IOException("the backup lacks its " + (store ? "key" : "store"));
        }
    }

    /** A wrong passphrase and a changed byte look the same to authenticated encryption: said so. */
    private static String why(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.GeneralSecurityException || String.valueOf(t.getMessage())
                    .contains("Tag mismatch") || String.valueOf(t.getMessage()).contains("decrypt")) {
                return "wrong passphrase, or the file was changed";
            }
        }
        return e.getMessage();
    }
}
