package org.sweetie.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.List;

/** Signs notes with an Ed25519 key under a name (the log's origin). */
public final class NoteSigner {
    private final PrivateKey privateKey;
    private final VerifierKey verifierKey;

    public NoteSigner(String name, KeyPair keys) {
        this.privateKey = keys.getPrivate();
        this.verifierKey = VerifierKey.of(name, VerifierKey.raw(keys.getPublic()));
    }

    public static KeyPair newKeys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has Ed25519", e);
        }
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    public SignedNote sign(String text) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(privateKey);
            ed.update(text.getBytes(StandardCharsets.UTF_8));
            return new SignedNote(text, List.of(new SignedNote.Signature(verifierKey.name(), verifierKey.keyId(),
                    ed.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
    }
}
