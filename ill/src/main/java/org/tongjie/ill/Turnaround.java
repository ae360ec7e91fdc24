package org.tongjie.ill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turnaround times summed up for a chart: how many requests reached the reader within each bound (the
 * last bucket has no bound), and the median.
 */
public record Turnaround(int requests, Duration median, List<Bucket> buckets) {
    /** The upper bounds of the buckets: within a day, two, three, five, a week; the rest. */
    static final List<Duration> BOUNDS = List.of(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3),
            Duration.ofDays(5), Duration.ofDays(7));

    /** Requests that took more than the previous bucket's bound and at most {@code upToHours} (0: no bound). */
    public record Bucket(long upToHours, int requests) {}

    public Turnaround {
        buckets = List.copyOf(buckets);
    }

    public static Turnaround of(List<Duration> times) {
        var counts = new int[BOUNDS.size() + 1];
        for (Duration t : times) {
            int i = 0;
            while (i < BOUNDS.size() && t.compareTo(BOUNDS.get(i)) > 0) {
                i++;
            }
            counts[i]++;
        }
        var buckets = new ArrayList<Bucket>();
        for (int i = 0; i < counts.length; i++) {
            buckets.add(new Bucket(i < BOUNDS.size() ? BOUNDS.get(i).toHours() : 0, counts[i]));
        }
        return new Turnaround(times.size(), median(times), buckets);
    }

    private static Duration median(List<Duration> times) {
        if (times.isEmpty()) {
            return Duration.ZERO;
        }
        var sorted = times.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
    }
}
