package org.sweetie.store;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The keys a store's free text is sealed and found with (docs/security.md): the data key (AES-256-GCM) seals every
 * value, the index key (HMAC-SHA256) makes the keyed hashes that equality look-ups and the search go through. Both
 * come from the deployment's key file, unwrapped with the passphrase; the store itself keeps only {@code keyId} and
 * a value sealed with the data key, to refuse a key file that is not its own.
 *
 * @param keyId the key file's id: 32 lower-case hex digits
 * @param dataKey 32 bytes
 * @param indexKey 32 bytes
 */
public record StoreKeys(String keyId, byte[] dataKey, byte[] indexKey) {
    public StoreKeys {
        if (keyId == null || !keyId.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("a store key id is 32 lower-case hex digits");
        }
        if (dataKey == null || dataKey.length != 32 || indexKey == null || indexKey.length != 32) {
            throw new IllegalArgumentException("the data key and the index key are 32 bytes each");
        }
        dataKey = dataKey.clone();
        indexKey = indexKey.clone();
        if (Arrays.equals(dataKey, indexKey)) {
            throw new IllegalArgumentException("the data key and the index key must differ");
        }
    }

    /** New random keys, for a new key file. */
    public static StoreKeys random() {
        var random = new java.security.SecureRandom();
        byte[] id = new byte[16];
        byte[] data = new byte[32];
        byte[] index = new byte[32];
        random.nextBytes(id);
        random.nextBytes(data);
        random.nextBytes(index);
        return new StoreKeys(HexFormat.of().formatHex(id), data, index);
    }

    @Override
    public byte[] dataKey() {
        return dataKey.clone();
    }

    @Override
    public byte[] indexKey() {
        return indexKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreKeys k && k.keyId.equals(keyId) && Arrays.equals(k.dataKey, dataKey)
                && Arrays.equals(k.indexKey, indexKey);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "StoreKeys[" + keyId + "]";
    }
}
