package org.sweetie.app;

/** Latencies in a fixed histogram (1 µs to about 70 s, 2% buckets): percentiles without keeping every sample. */
final class Latencies {
    private static final double GROWTH = 1.02;
    private final long[] counts = new long[1000];
    private long max;
    private long total;

    synchronized void add(long nanos) {
        int bucket = nanos <= 1_000 ? 0 : (int) Math.min(counts.length - 1, Math.log(nanos / 1_000.0)
                / Math.log(GROWTH));
        counts[bucket]++;
        total++;
        max = Math.max(max, nanos);
    }

    synchronized String summary() {
        if (total == 0) {
            return "(none yet)";
        }
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%,d samples)",
                percentile(0.50) / 1e6, percentile(0.95) / 1e6, percentile(0.99) / 1e6, max / 1e6, total);
    }

    /** The same in microseconds, for work that takes less than a millisecond. */
    synchronized String summaryMicros() {
        return String.format("p50 %.1f µs, p95 %.1f µs, p99 %.1f µs, max %.1f µs (%,d samples)",
                percentile(0.50) / 1e3, percentile(0.95) / 1e3, percentile(0.99) / 1e3, max / 1e3, total);
    }

    private double percentile(double p) {
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.pow(GROWTH, i + 1) * 1_000; // the bucket's upper bound, in ns
            }
        }
        return max;
    }
}
