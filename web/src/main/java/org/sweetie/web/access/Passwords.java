package org.sweetie.web.access;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (RFC 9106), each password with its own random salt, kept in the PHC string form
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}) so that a hash carries the cost it was made with and the cost
 * can be raised later without invalidating stored hashes.
 */
public final class Passwords {
    /** OWASP's first Argon2id configuration: 19 MiB of memory, two passes, one lane. */
    public static final Cost DEFAULT = new Cost(19 * 1024, 2, 1);

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{22,})\\$([A-Za-z0-9+/]{43,})");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final Cost cost;
    private final SecureRandom random;
    /** Checked against when a user does not exist, so that an unknown name takes as long as a wrong password. */
    private final String decoy;

    /** The memory (KiB), passes and lanes of one hash. */
    public record Cost(int memoryKiB, int iterations, int parallelism) {
    }

    public Passwords(Cost cost, SecureRandom random) {
        this.cost = cost;
        this.random = random;
        this.decoy = hash("decoy password, never anyone's".toCharArray());
    }

    public Passwords() {
        this(DEFAULT, new SecureRandom());
    }

    /** The password's hash, with a new salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether the password is the one hashed; false for a hash that is not an Argon2id PHC string. */
    public boolean matches(char[] password, String phc) {
        Matcher m = PHC.matcher(phc == null ? "" : phc);
        if (!m.matches()) {
            return false;
        }
        Cost stored = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        byte[] expected = Base64.getDecoder().decode(m.group(5));
        byte[] actual = argon2(password, Base64.getDecoder().decode(m.group(4)), stored, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of a check and answers false: for a name that has no user. */
    public boolean matchesNone(char[] password) {
        matches(password, decoy);
        return false;
    }

    private static byte[] argon2(char[] password, byte[] salt, Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations()).withParallelism(cost.parallelism()).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
