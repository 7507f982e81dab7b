package dev.loopkeeper.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/** Latencies in nanoseconds, recorded from many threads; percentiles in milliseconds. */
final class Latencies {

    private long[] values = new long[1024];

    /** Runs the query a quarter as many times to warm up, then the given rounds, one at a time, timed. */
    static Latencies measure(int rounds, Supplier<?> query) {
        for (int i = 0; i < Math.max(1, rounds / 4); i++) {
            query.get();
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            query.get();
            latencies.record(System.nanoTime() - start);
        }
        return latencies;
    }

    private int size;

    synchronized void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile (0..100) in milliseconds, nearest rank. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000_000.0;
    }
}
