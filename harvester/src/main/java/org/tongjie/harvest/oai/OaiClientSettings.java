package org.tongjie.harvest.oai;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the client is. A request is retried after I/O errors, timeouts and HTTP 5xx, waiting
 * {@code firstBackoff}, then twice as long each time up to {@code maxBackoff}; a 503/429 with
 * {@code Retry-After} waits what the provider asks, unless that is longer than {@code maxRetryAfter}.
 *
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param requestTimeout how long to wait for the response headers of one request
 * @param maxRetries retries per request after the first attempt; 0 gives up at the first failure
 * @param firstBackoff the wait before the first retry
 * @param maxBackoff the longest wait between retries
 * @param maxRetryAfter the longest {@code Retry-After} honoured within a run; longer means "come back later"
 */
public record OaiClientSettings(Duration connectTimeout, Duration requestTimeout, int maxRetries,
        Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public OaiClientSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(firstBackoff, "firstBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(maxRetryAfter, "maxRetryAfter");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        if (firstBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("firstBackoff " + firstBackoff + " is longer than maxBackoff " + maxBackoff);
        }
    }

    /** Ten seconds to connect, a minute per response, five retries from 2 s up to 2 min, Retry-After up to 10 min. */
    public static OaiClientSettings defaults() {
        return new OaiClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 5, Duration.ofSeconds(2),
                Duration.ofMinutes(2), Duration.ofMinutes(10));
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    Duration backoff(int retry) {
        Duration wait = firstBackoff;
        for (int i = 1; i < retry && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
