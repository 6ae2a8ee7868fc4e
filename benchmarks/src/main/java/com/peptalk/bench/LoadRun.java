package com.peptalk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code threads} callers repeat an action as fast as it answers for a fixed duration (after
 * a warm-up), each latency recorded. Bounded in time and count; it stops by itself.
 */
final class LoadRun {

    record Result(String name, long calls, long errors, double seconds, long p50Nanos, long p95Nanos, long p99Nanos) {

        double perSecond() {
            return calls / seconds;
        }
    }

    private static final int MAX_SAMPLES_PER_THREAD = 5_000_000;

    /** A Markdown table of the results, each against the first (the baseline): req/s and p99 ratios. */
    static String table(List<Result> results) {
        Result baseline = results.getFirst();
        StringBuilder out = new StringBuilder();
        out.append("| scenario | calls | errors | req/s | p50 ms | p95 ms | p99 ms | req/s vs baseline | p99 vs baseline |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            out.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.0f | %.3f | %.3f | %.3f | %.2fx | %.3fx |%n",
                    r.name(), r.calls(), r.errors(), r.perSecond(), r.p50Nanos() / 1e6, r.p95Nanos() / 1e6,
                    r.p99Nanos() / 1e6, r.perSecond() / baseline.perSecond(),
                    (double) r.p99Nanos() / baseline.p99Nanos()));
        }
        return out.toString();
    }

    /** The median round of a scenario run in several interleaved rounds (by throughput). */
    static Result median(List<Result> rounds) {
        return rounds.stream().sorted(java.util.Comparator.comparingDouble(Result::perSecond)).toList()
                .get(rounds.size() / 2);
    }

    static Result run(String name, int threads, Duration warmUp, Duration measure, Runnable action)
            throws InterruptedException {
        drive(threads, warmUp, action, false);
        return drive(threads, measure, action, true).withName(name);
    }

    private static Partial drive(int threads, Duration duration, Runnable action, boolean record)
            throws InterruptedException {
        List<long[]> samples = new ArrayList<>();
        long[] counts = new long[threads];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            long[] own = new long[record ? MAX_SAMPLES_PER_THREAD : 0];
            samples.add(own);
            int index = t;
            Thread.ofPlatform().name("load-" + t).start(() -> {
                long n = 0;
                while (System.nanoTime() < end && n < MAX_SAMPLES_PER_THREAD) {
                    long before = System.nanoTime();
                    try {
                        action.run();
                    }
                    catch (RuntimeException ex) {
                        errors.incrementAndGet();
                    }
                    if (record) {
                        own[(int) n] = System.nanoTime() - before;
                    }
                    n++;
                }
                counts[index] = n;
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(counts).sum();
        long[] all = new long[record ? (int) Math.min(total, Integer.MAX_VALUE - 8) : 0];
        int at = 0;
        for (int t = 0; t < threads && record; t++) {
            System.arraycopy(samples.get(t), 0, all, at, (int) counts[t]);
            at += (int) counts[t];
        }
        Arrays.sort(all);
        return new Partial(total, errors.get(), seconds, all);
    }

    private record Partial(long calls, long errors, double seconds, long[] sorted) {

        Result withName(String name) {
            return new Result(name, calls, errors, seconds, percentile(0.50), percentile(0.95), percentile(0.99));
        }

        long percentile(double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    private LoadRun() {
    }
}
