package org.sweetie.analysis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Crypto addresses, accepted only when their checksum holds: Bitcoin Base58Check (1..., 3...) and Bech32/Bech32m
 * (bc1...), Ethereum EIP-55 mixed case (0x...). An all-lower-case Ethereum address carries no checksum and is
 * accepted as written, as wallets show it so.
 */
final class Crypto {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private Crypto() {
    }

    static boolean isBitcoinAddress(String address) {
        return address.startsWith("bc1") ? bech32(address) : base58Check(address);
    }

    /** EIP-55: a hex letter is upper case exactly when the matching nibble of Keccak-256(lower-case hex) is >= 8. */
    static boolean isEthereumAddress(String address) {
        String hex = address.substring(2);
        String lower = hex.toLowerCase(Locale.ROOT);
        if (hex.equals(lower)) {
            return true;
        }
        var keccak = new org.bouncycastle.crypto.digests.KeccakDigest(256);
        byte[] input = lower.getBytes(StandardCharsets.US_ASCII);
        keccak.update(input, 0, input.length);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        for (int i = 0; i < 40; i++) {
            char c = hex.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            if (Character.isLetter(c) && Character.isUpperCase(c) != (nibble >= 8)) {
                return false;
            }
        }
        return true;
    }

    private static boolean base58Check(String address) {
        BigInteger value = BigInteger.ZERO;
        for (char c : address.toCharArray()) {
            int digit = BASE58.indexOf(c);
            if (digit < 0) {
                return false;
            }
            value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
        }
        byte[] bytes = value.toByteArray();
        int leadingZeros = 0;
        while (leadingZeros < address.length() && address.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        byte[] stripped = bytes.length > 0 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        byte[] full = new byte[leadingZeros + stripped.length];
        System.arraycopy(stripped, 0, full, leadingZeros, stripped.length);
        if (full.length != 25) {
            return false;
        }
        byte[] check = sha256(sha256(Arrays.copyOf(full, 21)));
        return Arrays.equals(Arrays.copyOf(check, 4), Arrays.copyOfRange(full, 21, 25));
    }

    /** BIP 173 (checksum constant 1) and BIP 350 (bech32m, for taproot) checksums. */
    private static boolean bech32(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (!lower.equals(address) && !address.toUpperCase(Locale.ROOT).equals(address)) {
            return false;
        }
        int separator = lower.lastIndexOf('1');
        String hrp = lower.substring(0, separator);
        int[] values = new int[hrp.length() * 2 + 1 + lower.length() - separator - 1];
        int n = 0;
        for (char c : hrp.toCharArray()) {
            values[n++] = c >> 5;
        }
        values[n++] = 0;
        for (char c : hrp.toCharArray()) {
            values[n++] = c & 31;
        }
        for (char c : lower.substring(separator + 1).toCharArray()) {
            int v = BECH32.indexOf(c);
            if (v < 0) {
                return false;
            }
            values[n++] = v;
        }
        int polymod = polymod(values);
        return polymod == 1 || polymod == 0x2bc830a3;
    }

    private static int polymod(int[] values) {
        int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int check = 1;
        for (int v : values) {
            int top = check >>> 25;
            check = (check & 0x1ffffff) << 5 ^ v;
            for (int i = 0; i < 5; i++) {
                if ((top >>> i & 1) == 1) {
                    check ^= generator[i];
                }
            }
        }
        return check;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
