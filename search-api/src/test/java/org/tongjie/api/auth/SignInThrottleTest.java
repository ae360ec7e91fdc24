package org.tongjie.api.auth;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Failed sign-ins per address: generous, then a doubling wait, forgiven an hour after the last failure. */
class SignInThrottleTest {
    private Instant now = Instant.parse("2026-12-08T02:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @Test
    void anAddressThatKeepsFailingWaitsLongerEachTimeAndOthersDoNot() {
        var throttle = new SignInThrottle(clock);
        for (int i = 1; i < SignInThrottle.FREE; i++) {
            assertEquals(Duration.ZERO, throttle.failed("192.0.2.7"), "failure " + i + " is free");
        }
        assertEquals(Duration.ofSeconds(1), throttle.failed("192.0.2.7"));
        assertEquals(Duration.ofSeconds(1), throttle.waitFor("192.0.2.7"));
        assertEquals(Duration.ofSeconds(2), throttle.failed("192.0.2.7"), "an attempt during the wait doubles it");
        assertEquals(Duration.ZERO, throttle.waitFor("198.51.100.1"), "another address is not held back");

        for (int i = 0; i < 40; i++) {
            throttle.failed("192.0.2.7");
        }
        assertEquals(SignInThrottle.MAX_WAIT, throttle.waitFor("192.0.2.7"), "the wait stops growing");
        now = now.plus(SignInThrottle.FORGET_AFTER).plusSeconds(1);
        assertEquals(Duration.ZERO, throttle.waitFor("192.0.2.7"), "forgiven an hour after the last failure");
        assertEquals(Duration.ZERO, throttle.failed("192.0.2.7"), "and counted from one again");
    }
}
