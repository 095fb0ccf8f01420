package org.sweetie.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The deployment's checkpoint signing key, kept in a file readable by its owner only:
 * <pre>
 * sweetie-evidence-key/1
 * name=sweetie-evidence/1a2b3c4d5e6f7a8b
 * private=BASE64(PKCS#8)
 * public=BASE64(32-byte Ed25519 key)
 * </pre>
 * Created on first use with a random log name, which becomes the origin line of every checkpoint.
 */
public final class KeyFile {
    private static final String HEADER = "sweetie-evidence-key/1";

    private KeyFile() {
    }

    public static NoteSigner loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    /**
     * A new signing key in this file's text form, with a new random log name. Sweetie's key file (app) keeps this
     * text wrapped under the passphrase instead of in a plain file.
     */
    public static String newKeyText() {
        KeyPair keys = NoteSigner.newKeys();
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String name = "sweetie-evidence/" + HexFormat.of().formatHex(random);
        return HEADER + "\nname=" + name + "\nprivate="
                + Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\npublic="
                + Base64.getEncoder().encodeToString(VerifierKey.raw(keys.getPublic())) + "\n";
    }

    /** Whether a file holds a plain signing key of this form (an earlier Sweetie's data/evidence.key). */
    public static boolean isPlainKeyFile(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
            return false;
        }
        return Files.readString(file, StandardCharsets.UTF_8).startsWith(HEADER + "\n");
    }

    private static void create(Path file) throws IOException {
        String text = newKeyText();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path temporary = Files.createTempFile(parent, ".evidence-key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            // Linking never replaces an existing key, so two first runs cannot each keep a different key.
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException raced) {
            // the other run's key stands
        } finally {
            Files.delete(temporary);
        }
    }

    static NoteSigner load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The signer of a key in this file's text form; {@code file} names where it came from in errors. */
    public static NoteSigner parse(List<String> lines, String file) throws IOException {
        if (lines.size() != 4 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("name=")
                || !lines.get(2).startsWith("private=") || !lines.get(3).startsWith("public=")) {
            throw new IOException(file + ": not a Sweetie evidence key file (" + HEADER + ")");
        }
        try {
            var privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(lines.get(2).substring("private=".length()))));
            byte[] publicKey = Base64.getDecoder().decode(lines.get(3).substring("public=".length()));
            VerifierKey verifier = VerifierKey.of(lines.get(1).substring("name=".length()), publicKey);
            NoteSigner signer = new NoteSigner(verifier.name(), new KeyPair(verifier.javaKey(), privateKey));
            if (!verifier.verifies(signer.sign("sweetie key check\n"))) {
                throw new IOException(file + ": its private and public keys do not belong together");
            }
            return signer;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + ": the key in it cannot be read: " + e.getMessage(), e);
        }
    }
}
