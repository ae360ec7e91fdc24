package org.tongjie.harvest.oai;

import java.time.Duration;

/** Waits between retries; injected so tests record the waits instead of sleeping through them. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return Thread::sleep;
    }
}
