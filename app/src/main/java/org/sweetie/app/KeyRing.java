package org.sweetie.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.sweetie.evidence.KeyFile;
import org.sweetie.evidence.NoteSigner;
import org.sweetie.store.StoreKeys;

/**
 * The deployment's key file (data/keys by default; docs/security.md, "Keys"): the store's data key and index key and
 * the evidence signing key, sealed together with AES-256-GCM under a key-encryption key that Argon2id derives from
 * the passphrase. Without the passphrase a copy of the file gives nothing away. The file is text:
 * <pre>
 * sweetie-keys/1 (sweetie-keys/2 while it holds a pending signing key, below)
 * id=32 hex digits (the store keeps it, and refuses another file)
 * kdf=argon2id
 * memory_kib=65536
 * iterations=3
 * parallelism=1
 * salt=BASE64
 * sealed=BASE64(12-byte nonce || AES-256-GCM ciphertext and tag)
 * </pre>
 * Everything before the sealed line is the associated data, so the id and the costs cannot be changed either. The
 * sealed text holds {@code data=}, {@code index=}, zero or more {@code retired=} lines (the verifier keys of signing
 * keys rotated out), at most one {@code pending=} line (BASE64 of a signing key in the form of {@link KeyFile}: the
 * new key of a signing rotation under way, see {@link SigningKeyRotation}) and the signing key in the form of
 * {@link KeyFile}. A file with a pending key is headed {@code sweetie-keys/2}, every other one {@code sweetie-keys/1}
 * as before: an earlier Sweetie opens the latter as it always did and refuses the former by its header instead of
 * reading the pending key as part of the signing key.
 */
final class KeyRing {
    static final String HEADER = "sweetie-keys/1";
    /** The header of a file that holds a pending signing key. */
    static final String HEADER_PENDING = "sweetie-keys/2";
    /** Argon2id costs of a new file, as for backups (SealedFile): 64 MiB, three passes. */
    static final int MEMORY_KIB = 64 * 1024;
    static final int ITERATIONS = 3;
    /**
     * Tests may lower the memory cost of new files (the app module's surefire does): hundreds of commands each
     * deriving a key would otherwise take minutes. Never below 8 MiB; a file keeps the costs it was made with.
     */
    static final String TEST_MEMORY_PROPERTY = "sweetie.kdf.memoryKib";

    /**
     * What the key file holds, unwrapped.
     *
     * @param store the store's data and index keys, with the file's id
     * @param signingKey the evidence signing key in {@link KeyFile}'s text form
     * @param retired verifier keys of earlier signing keys (rotated out), oldest first
     * @param pendingKey the new signing key of a rotation under way, in {@link KeyFile}'s text form; null when none
     */
    record Keys(StoreKeys store, String signingKey, List<String> retired, String pendingKey) {
        Keys {
            retired = List.copyOf(retired);
        }

        Keys(StoreKeys store, String signingKey, List<String> retired) {
            this(store, signingKey, retired, null);
        }

        NoteSigner signer(Path file) throws IOException {
            return KeyFile.parse(signingKey.lines().toList(), file + " (the signing key in it)");
        }

        /** The signer of the pending key; call only when there is one. */
        NoteSigner pendingSigner(Path file) throws IOException {
            return KeyFile.parse(pendingKey.lines().toList(), file + " (the pending signing key in it)");
        }

        boolean hasPending() {
            return pendingKey != null;
        }

        Keys withPending(String keyText) {
            return new Keys(store, signingKey, retired, keyText);
        }

        Keys withoutPending() {
            return new Keys(store, signingKey, retired, null);
        }

        /** The pending key as the signing key, the current one's verifier key retired, no pending key. */
        Keys promoted(Path file) throws IOException {
            List<String> older = new ArrayList<>(retired);
            older.add(signer(file).verifierKey().toString());
            return new Keys(store, pendingKey, older, null);
        }

        static Keys fresh() {
            return new Keys(StoreKeys.random(), KeyFile.newKeyText(), List.of());
        }
    }

    private KeyRing() {
    }

    /** Unwraps the keys; a wrong passphrase is an error saying so, and nothing is written. */
    static Keys open(Path file, char[] passphrase) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER) && !lines.getFirst().equals(HEADER_PENDING)) {
            throw new IOException(file + ": not a Sweetie key file (" + HEADER + " or " + HEADER_PENDING + ")"
                    + (KeyFile.isPlainKeyFile(file) ? "; it is a plain evidence key of an earlier Sweetie, see "
                    + "docs/security.md, 'Stores written before encryption'" : ""));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder associated = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IOException(file + ": a line without '=' in the key file");
            }
            fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
        for (String line : lines) {
            if (line.startsWith("sealed=")) {
                break;
            }
            associated.append(line).append('\n');
        }
        for (String name : List.of("id", "kdf", "memory_kib", "iterations", "parallelism", "salt", "sealed")) {
            if (!fields.containsKey(name)) {
                throw new IOException(file + ": the key file has no " + name + " line");
            }
        }
        if (!fields.get("kdf").equals("argon2id")) {
            throw new IOException(file + ": unknown key derivation '" + fields.get("kdf") + "'");
        }
        int memory;
        int iterations;
        int parallelism;
        try {
            memory = Integer.parseInt(fields.get("memory_kib"));
            iterations = Integer.parseInt(fields.get("iterations"));
            parallelism = Integer.parseInt(fields.get("parallelism"));
        } catch (NumberFormatException e) {
            throw new IOException(file + ": key derivation costs that are not numbers");
        }
        if (memory < 8 * 1024 || memory > 4 * 1024 * 1024 || iterations < 1 || iterations > 100 || parallelism < 1
                || parallelism > 16) {
            throw new IOException(file + ": implausible key derivation costs");
        }
        byte[] salt = Base64.getDecoder().decode(fields.get("salt"));
        byte[] sealed = Base64.getDecoder().decode(fields.get("sealed"));
        byte[] kek = derive(passphrase, salt, memory, iterations, parallelism);
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(associated.toString().getBytes(StandardCharsets.UTF_8));
            plain = cipher.doFinal(sealed, 12, sealed.length - 12);
        } catch (AEADBadTagException e) {
            throw new WrongPassphrase("the passphrase does not open the key file " + file
                    + " (or the file was changed)");
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": cannot open: " + e.getMessage(), e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
        String text = new String(plain, StandardCharsets.UTF_8);
        Arrays.fill(plain, (byte) 0);
        String data = null;
        String index = null;
        List<String> retired = new ArrayList<>();
        String pending = null;
        StringBuilder signing = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (line.startsWith("data=")) {
                data = line.substring(5);
            } else if (line.startsWith("index=")) {
                index = line.substring(6);
            } else if (line.startsWith("retired=")) {
                retired.add(line.substring(8));
            } else if (line.startsWith("pending=")) {
                if (pending != null || !lines.getFirst().equals(HEADER_PENDING)) {
                    throw new IOException(file + ": a pending signing key where the key file's header ("
                            + lines.getFirst() + ") allows " + (pending != null ? "only one" : "none"));
                }
                pending = new String(Base64.getDecoder().decode(line.substring(8)), StandardCharsets.UTF_8);
            } else {
                signing.append(line).append('\n');
            }
        }
        if (data == null || index == null) {
            throw new IOException(file + ": the key file holds no data or index key");
        }
        return new Keys(new StoreKeys(fields.get("id"), Base64.getDecoder().decode(data),
                Base64.getDecoder().decode(index)), signing.toString(), retired, pending);
    }

    /**
     * Writes the keys wrapped under the passphrase (a new salt), mode 0600: into a temporary file in the same folder,
     * forced to the disk, then renamed over the file (or linked, when not replacing) and the folder forced, so a crash
     * leaves either the whole old file or the whole new one, and a rename that returned is durable.
     */
    static void write(Path file, Keys keys, char[] passphrase, boolean replace) throws IOException {
        byte[] salt = new byte[16];
        SecureRandom random = new SecureRandom();
        random.nextBytes(salt);
        int memory = memoryCost();
        String associated = (keys.hasPending() ? HEADER_PENDING : HEADER) + "\nid=" + keys.store().keyId()
                + "\nkdf=argon2id\nmemory_kib=" + memory + "\niterations=" + ITERATIONS + "\nparallelism=1\nsalt="
                + Base64.getEncoder().encodeToString(salt) + "\n";
        StringBuilder payload = new StringBuilder()
                .append("data=").append(Base64.getEncoder().encodeToString(keys.store().dataKey())).append('\n')
                .append("index=").append(Base64.getEncoder().encodeToString(keys.store().indexKey())).append('\n');
        keys.retired().forEach(r -> payload.append("retired=").append(r).append('\n'));
        if (keys.hasPending()) {
            payload.append("pending=").append(Base64.getEncoder().encodeToString(
                    keys.pendingKey().getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        payload.append(keys.signingKey());
        byte[] kek = derive(passphrase, salt, memory, ITERATIONS, 1);
        byte[] sealed;
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(payload.toString().getBytes(StandardCharsets.UTF_8));
            sealed = new byte[12 + body.length];
            System.arraycopy(nonce, 0, sealed, 0, 12);
            System.arraycopy(body, 0, sealed, 12, body.length);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot seal the key file: " + e.getMessage(), e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
        String text = associated + "sealed=" + Base64.getEncoder().encodeToString(sealed) + "\n";
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path temporary = Files.createTempFile(parent, ".keys", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            if (replace) {
                // No fallback to a plain move: the temporary file is in the same folder, where rename(2) is atomic;
                // a move that could leave half a key file is worse than an error.
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try {
                    // Linking never replaces a file: two first runs cannot each keep different keys.
                    Files.createLink(file, temporary);
                } catch (FileAlreadyExistsException raced) {
                    // the other run's keys stand; the caller reads them
                }
            }
            forceFolder(parent);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes a rename in the folder durable (Linux and macOS allow forcing a folder opened for reading). */
    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static int memoryCost() {
        String lowered = System.getProperty(TEST_MEMORY_PROPERTY);
        return lowered == null ? MEMORY_KIB : Math.max(8 * 1024, Integer.parseInt(lowered));
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int memory, int iterations, int parallelism) {
        Argon2BytesGenerator argon = new Argon2BytesGenerator();
        argon.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memory)
                .withIterations(iterations).withParallelism(parallelism).build());
        byte[] key = new byte[32];
        byte[] secret = new String(passphrase).getBytes(StandardCharsets.UTF_8);
        try {
            argon.generateBytes(secret, key);
            return key;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The passphrase does not open the key file. */
    static final class WrongPassphrase extends IOException {
        WrongPassphrase(String message) {
            super(message);
        }
    }
}
