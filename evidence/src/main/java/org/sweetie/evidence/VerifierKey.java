package org.sweetie.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP signed-note verifier key for Ed25519: {@code <name>+<hex key id>+<base64(0x01 || public key)>}, where the
 * key id is the first four bytes of SHA-256(name || 0x0A || 0x01 || public key). Uses only the JDK.
 */
public record VerifierKey(String name, byte[] keyId, byte[] publicKey) {
    static final byte ED25519 = 0x01;
    /** The DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public static VerifierKey of(String name, byte[] publicKey) {
        return new VerifierKey(name, keyId(name, publicKey), publicKey.clone());
    }

    /** Parses a vkey string; the key id in it must match the name and key. */
    public static VerifierKey parse(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is NAME+KEYID+KEY, not " + vkey.strip());
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("not an Ed25519 verifier key (type 0x01, 32 bytes)");
        }
        VerifierKey key = of(parts[0], Arrays.copyOfRange(typed, 1, 33));
        if (!HexFormat.of().formatHex(key.keyId()).equals(parts[1])) {
            throw new IllegalArgumentException("the key id " + parts[1] + " does not belong to this name and key");
        }
        return key;
    }

    static byte[] keyId(String name, byte[] publicKey) {
        var sha = TreeHash.sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x0A);
        sha.update(ED25519);
        sha.update(publicKey);
        return Arrays.copyOf(sha.digest(), 4);
    }

    @Override
    public String toString() {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** True when the note carries a signature line by this key that verifies over its text. */
    public boolean verifies(SignedNote note) {
        for (SignedNote.Signature signature : note.signatures()) {
            if (signature.keyName().equals(name) && Arrays.equals(signature.keyId(), keyId)
                    && verifies(note.text(), signature.signature())) {
                return true;
            }
        }
        return false;
    }

    private boolean verifies(String text, byte[] signature) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(javaKey());
            ed.update(text.getBytes(StandardCharsets.UTF_8));
            return ed.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    PublicKey javaKey() throws GeneralSecurityException {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(publicKey, 0, spki, SPKI_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }
}
