package org.sweetie.evidence;

/**
 * How much a bundle may hold before the verifier refuses to read further, so that a hostile zip (a "zip bomb", or
 * millions of entries) cannot exhaust the recipient's memory or time. The central directory's declared sizes are
 * checked against these before anything is inflated, and no entry is inflated past its declared size.
 *
 * @param files      entries in the zip
 * @param fileBytes  uncompressed bytes of one entry
 * @param totalBytes uncompressed bytes of all entries together
 */
public record BundleLimits(long files, long fileBytes, long totalBytes) {
    /** Generous for any referral (a bundle of 10,000 conversations holds about 250,000 files and 200 MiB). */
    public static final BundleLimits DEFAULT = new BundleLimits(1_000_000, 64L << 20, 1L << 30);

    public BundleLimits {
        // one entry's sizes then always fit a 4-byte data descriptor, and every count an int
        if (files < 1 || files > Integer.MAX_VALUE || fileBytes < 1 || fileBytes >= 0xFFFF_FFFFL || totalBytes < 1) {
            throw new IllegalArgumentException("bundle limits must be positive, files at most " + Integer.MAX_VALUE
                    + " and one file under 4 GiB");
        }
    }
}
