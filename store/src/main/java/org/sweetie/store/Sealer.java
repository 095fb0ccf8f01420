package org.sweetie.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the store writes free text (docs/security.md, docs/storage.md): sealed with AES-256-GCM under the data key, with
 * its place (table, column and row key) as associated data so that a sealed value does not open in another row or
 * column; and found through keyed hashes (HMAC-SHA256 under the index key, a "blind index") instead of comparing
 * plaintext. Without keys ({@link #PLAIN}, only for the library's own tests and tools, never the application) values
 * are written as {@link StoredText} and the "hashes" are the values themselves, so the SQL is the same either way.
 */
abstract sealed class Sealer permits Sealer.Plain, Sealer.Aead {
    static final Sealer PLAIN = new Plain();

    /** The stored form of a text value; null stays null. */
    abstract String seal(String text, String place, String row);

    /** The text a stored value was sealed from, in the place it was sealed for. */
    abstract String open(String stored, String place, String row);

    abstract byte[] sealBytes(byte[] bytes, String place, String row);

    abstract byte[] openBytes(byte[] stored, String place, String row);

    /** The keyed hash equality look-ups compare: equal values (in the same domain) give equal hashes. */
    abstract String index(String domain, String value);

    /** The store's key id, or null without keys. */
    abstract String keyId();

    static Sealer of(StoreKeys keys) {
        return keys == null ? PLAIN : new Aead(keys);
    }

    static final class Plain extends Sealer {
        @Override
        String seal(String text, String place, String row) {
            return StoredText.of(text);
        }

        @Override
        String open(String stored, String place, String row) {
            return StoredText.decode(stored);
        }

        @Override
        byte[] sealBytes(byte[] bytes, String place, String row) {
            return bytes;
        }

        @Override
        byte[] openBytes(byte[] stored, String place, String row) {
            return stored;
        }

        @Override
        String index(String domain, String value) {
            return StoredText.of(value);
        }

        @Override
        String keyId() {
            return null;
        }
    }

    static final class Aead extends Sealer {
        /** Marks a sealed text value: version 1, AES-256-GCM, 12-byte nonce (see nonceBase), 16-byte tag, base64. */
        private static final String PREFIX = "s1:";
        private static final byte VERSION = 1;
        private static final int NONCE = 12;
        private static final int TAG_BITS = 128;

        private final String keyId;
        private final SecretKeySpec dataKey;
        private final SecretKeySpec indexKey;
        /*
         * Cipher and Mac objects are not thread-safe and costly to look up, so used ones are lent out again. Not a
         * ThreadLocal: the store's inserts run on virtual threads, a new one per batch, which would look up a Cipher
         * each time. The pools hold as many as were ever in use at once.
         */
        private final java.util.Queue<Cipher> ciphers = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.Queue<Mac> macs = new java.util.concurrent.ConcurrentLinkedQueue<>();
        /**
         * Nonces: 64 random bits drawn when the store is opened, combined with a 64-bit count of the values this
         * instance sealed (the high half of the count XORed into the random part, the low half after it). Unique
         * within an instance by construction, and between instances (processes, reopenings) as unlikely to repeat
         * as two random 64-bit numbers; a SecureRandom call per value cost a tenth of import throughput.
         */
        private final long nonceBase = new SecureRandom().nextLong();
        private final java.util.concurrent.atomic.AtomicLong sealed = new java.util.concurrent.atomic.AtomicLong();

        Aead(StoreKeys keys) {
            this.keyId = keys.keyId();
            this.dataKey = new SecretKeySpec(keys.dataKey(), "AES");
            this.indexKey = new SecretKeySpec(keys.indexKey(), "HmacSHA256");
        }

        @Override
        String seal(String text, String place, String row) {
            if (text == null) {
                return null;
            }
            // StoredText first: UTF-8 cannot carry a lone surrogate, its escaped form can
            byte[] sealed = sealBytes(StoredText.of(text).getBytes(StandardCharsets.UTF_8), place, row);
            return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(sealed);
        }

        @Override
        String open(String stored, String place, String row) {
            if (stored == null) {
                return null;
            }
            if (!stored.startsWith(PREFIX)) {
                throw new StoreException("a value in " + place + " is not sealed: the store holds plain text "
                        + "(docs/security.md, 'Stores written before encryption')");
            }
            byte[] plain = openBytes(Base64.getDecoder().decode(stored.substring(PREFIX.length())), place, row);
            return StoredText.decode(new String(plain, StandardCharsets.UTF_8));
        }

        @Override
        byte[] sealBytes(byte[] bytes, String place, String row) {
            byte[] out = new byte[1 + NONCE + bytes.length + TAG_BITS / 8];
            out[0] = VERSION;
            long count = sealed.getAndIncrement();
            long high = nonceBase ^ (count >>> 32);
            for (int i = 0; i < 8; i++) {
                out[1 + i] = (byte) (high >>> (56 - 8 * i));
            }
            for (int i = 0; i < 4; i++) {
                out[9 + i] = (byte) (count >>> (24 - 8 * i));
            }
            byte[] nonce = java.util.Arrays.copyOfRange(out, 1, 1 + NONCE);
            Cipher cipher = cipher();
            try {
                cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(associated(place, row));
                cipher.doFinal(bytes, 0, bytes.length, out, 1 + NONCE);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            } finally {
                ciphers.offer(cipher);
            }
        }

        @Override
        byte[] openBytes(byte[] stored, String place, String row) {
            if (stored.length < 1 + NONCE + TAG_BITS / 8 || stored[0] != VERSION) {
                throw new StoreException("a value in " + place + " (" + row + ") is not sealed by this Sweetie");
            }
            Cipher cipher = cipher();
            try {
                cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE));
                cipher.updateAAD(associated(place, row));
                return cipher.doFinal(stored, 1 + NONCE, stored.length - 1 - NONCE);
            } catch (javax.crypto.AEADBadTagException e) {
                throw new StoreException("a value in " + place + " (" + row + ") does not open with this store's "
                        + "data key: it was changed, or moved from another row");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            } finally {
                ciphers.offer(cipher);
            }
        }

        @Override
        String index(String domain, String value) {
            if (value == null) {
                return null;
            }
            Mac mac = macs.poll();
            if (mac == null) {
                mac = newMac();
            }
            byte[] hash;
            try {
                mac.update(domain.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
                hash = mac.doFinal(StoredText.of(value).getBytes(StandardCharsets.UTF_8));
            } finally {
                mac.reset(); // a failure part-way leaves nothing behind for the next user
                macs.offer(mac);
            }
            // 128 bits: collisions are out of reach, and the index stays small
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        }

        @Override
        String keyId() {
            return keyId;
        }

        private static byte[] associated(String place, String row) {
            return (place + "\0" + row).getBytes(StandardCharsets.UTF_8);
        }

        private Cipher cipher() {
            Cipher cipher = ciphers.poll();
            return cipher != null ? cipher : instance("AES/GCM/NoPadding");
        }

        private static Cipher instance(String transformation) {
            try {
                return Cipher.getInstance(transformation);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JDK has " + transformation, e);
            }
        }

        private Mac newMac() {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(indexKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JDK has HmacSHA256", e);
            }
        }
    }
}
