package org.tongjie.ill;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Card and PIN pairs that passed the slow hash lately, so a reader's pages, which sign in with every call,
 * pay for PBKDF2 once per {@link #LIFETIME} rather than per request. Kept in memory only, as an HMAC under a
 * key made at start (never the PIN); a wrong PIN never matches and always takes the slow path. At most
 * {@link #MAX} cards; when full, it starts over.
 */
final class RecentSignIns {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAX = 10_000;

    private record Entry(byte[] mac, Instant until) {}

    private final byte[] key = new byte[32];
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    RecentSignIns(Clock clock) {
        new SecureRandom().nextBytes(key);
        this.clock = clock;
    }

    /** Whether this card signed in with this PIN (against this stored hash) within the lifetime. */
    boolean knows(String card, String pin, String storedHash) {
        Entry e = entries.get(card);
        return e != null && clock.instant().isBefore(e.until()) && MessageDigest.isEqual(e.mac(), mac(card, pin, storedHash));
    }

    void remember(String card, String pin, String storedHash) {
        if (entries.size() >= MAX) {
            entries.clear();
        }
        entries.put(card, new Entry(mac(card, pin, storedHash), clock.instant().plus(LIFETIME)));
    }

    void forget(String card) {
        entries.remove(card);
    }

    private byte[] mac(String card, String pin, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((card + '\0' + pin + '\0' + storedHash).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
