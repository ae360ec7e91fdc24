package org.tongjie.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed reader sign-ins per client address, beside the per-card limit the ILL accounts keep: one address
 * trying many cards (or one card's PIN from many tabs) gets {@link #FREE} failures, then waits twice as long
 * after each (1 s, 2 s... up to {@link #MAX_WAIT}); an attempt during the wait is refused unchecked and counts.
 * {@link #FREE} is generous because a library's public terminals share an address. An address is forgiven
 * {@link #FORGET_AFTER} after its last failure. In memory: a restart forgives addresses (cards stay counted).
 */
final class SignInThrottle {
    static final int FREE = 30;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ADDRESSES = 100_000;

    private record Failures(int count, Instant last) {
        Duration waitAt(Instant now) {
            if (count < FREE) {
                return Duration.ZERO;
            }
            Duration backoff = Duration.ofSeconds(1L << Math.min(count - FREE, 20));
            Duration left = Duration.between(now, last.plus(backoff.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : backoff));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> byAddress = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the address must wait before a sign-in from it is checked; zero if it need not. */
    Duration waitFor(String address) {
        Failures f = byAddress.get(address);
        Instant now = clock.instant();
        if (f == null) {
            return Duration.ZERO;
        }
        if (now.isAfter(f.last().plus(FORGET_AFTER))) {
            byAddress.remove(address, f);
            return Duration.ZERO;
        }
        return f.waitAt(now);
    }

    /** Counts a failed sign-in from the address; how long it must now wait. */
    Duration failed(String address) {
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.clear(); // bounded memory; a flood from that many addresses is beyond a per-address limit
        }
        Instant now = clock.instant();
        Failures f = byAddress.merge(address, new Failures(1, now), (old, one) ->
                new Failures(now.isAfter(old.last().plus(FORGET_AFTER)) ? 1 : old.count() + 1, now));
        return f.waitAt(now);
    }
}
