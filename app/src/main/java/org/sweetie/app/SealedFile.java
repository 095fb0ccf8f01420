package org.sweetie.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A file sealed with a passphrase, as a backup is: a one-line header naming the key derivation (Argon2id with its
 * salt and costs), then the content encrypted and authenticated in segments by Tink's streaming AEAD (AES-256-GCM,
 * HKDF-SHA256), with the header as associated data, so neither the content nor the header can be changed unnoticed
 * and a file of any size streams through a small buffer.
 */
final class SealedFile {
    static final String MAGIC = "SWEETIE-SEALED 1";
    /** Argon2id costs: 64 MiB and three passes, about half a second here; stored in each file's header. */
    private static final int MEMORY_KIB = 64 * 1024;
    private static final int ITERATIONS = 3;
    private static final int SEGMENT = 1 << 20;
    private static final int MAX_HEADER = 1024;

    private SealedFile() {
    }

    /** Writes the header and returns the stream the content is written to; closing it completes the file. */
    static OutputStream seal(OutputStream out, char[] passphrase) throws IOException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        ObjectNode header = new ObjectMapper().createObjectNode().put("kdf", "argon2id").put("memory_kib", MEMORY_KIB)
                .put("iterations", ITERATIONS).put("parallelism", 1)
                .put("salt", Base64.getEncoder().encodeToString(salt));
        byte[] line = (MAGIC + " " + header + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(line);
        try {
            return aead(passphrase, salt, MEMORY_KIB, ITERATIONS, 1).newEncryptingStream(out, line);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot seal: " + e.getMessage(), e);
        }
    }

    /** Reads the header and returns the content's stream; a wrong passphrase or a changed byte fails as it is read. */
    static InputStream open(InputStream in, char[] passphrase) throws IOException {
        byte[] line = headerLine(in);
        String text = new String(line, StandardCharsets.UTF_8);
        if (!text.startsWith(MAGIC + " ")) {
            throw new IOException("not a Sweetie backup (no '" + MAGIC + "' header)");
        }
        var header = new ObjectMapper().readTree(text.substring(MAGIC.length() + 1));
        if (!"argon2id".equals(header.path("kdf").asText())) {
            throw new IOException("unknown key derivation '" + header.path("kdf").asText() + "'");
        }
        int memory = header.path("memory_kib").asInt();
        int iterations = header.path("iterations").asInt();
        int parallelism = header.path("parallelism").asInt();
        if (memory < 8 || memory > 4 * 1024 * 1024 || iterations < 1 || iterations > 100 || parallelism < 1
                || parallelism > 16) {
            throw new IOException("implausible key derivation costs in the header");
        }
        byte[] salt = Base64.getDecoder().decode(header.path("salt").asText());
        try {
            return aead(passphrase, salt, memory, iterations, parallelism).newDecryptingStream(in, line);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open: " + e.getMessage(), e);
        }
    }

    private static byte[] headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1; ) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
            if (line.size() > MAX_HEADER) {
                break;
            }
        }
        throw new IOException("not a Sweetie backup (no header line)");
    }

    private static AesGcmHkdfStreaming aead(char[] passphrase, byte[] salt, int memory, int iterations,
                                            int parallelism) throws GeneralSecurityException {
        Argon2BytesGenerator argon = new Argon2BytesGenerator();
        argon.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memory).withIterations(iterations).withParallelism(parallelism)
                .build());
        byte[] key = new byte[32];
        byte[] secret = new String(passphrase).getBytes(StandardCharsets.UTF_8);
        try {
            argon.generateBytes(secret, key);
            return new AesGcmHkdfStreaming(key, "HmacSha256", 32, SEGMENT, 0);
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }
}
