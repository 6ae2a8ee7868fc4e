package com.peptalk.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * An open-loop load: requests are started at a fixed rate whatever the answers do, each on a virtual thread, and
 * each latency is measured from when the request was due (not when it was sent), so a stall shows up in the
 * percentiles instead of hiding as fewer requests. Bounded in time and count; it stops by itself.
 */
final class FixedRateRun {

    record Result(String name, int rate, long sent, long ok, long failed, double seconds, long p50Nanos,
            long p95Nanos, long p99Nanos) {

        double achievedPerSecond() {
            return ok / seconds;
        }
    }

    /** Runs {@code request} (returning an HTTP status) {@code rate} times a second for {@code duration}. */
    static Result run(String name, int rate, Duration duration, IntSupplier request) throws InterruptedException {
        int total = (int) Math.min(2_000_000, rate * duration.toSeconds());
        long[] latencies = new long[total];
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                threads.submit(() -> {
                    int status;
                    try {
                        status = request.getAsInt();
                    }
                    catch (RuntimeException ex) {
                        status = -1;
                    }
                    (status == 200 ? ok : failed).incrementAndGet();
                    latencies[recorded.getAndIncrement()] = System.nanoTime() - due;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, recorded.get());
        Arrays.sort(sorted);
        return new Result(name, rate, total, ok.get(), failed.get(), seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.95), percentile(sorted, 0.99));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private FixedRateRun() {
    }
}
