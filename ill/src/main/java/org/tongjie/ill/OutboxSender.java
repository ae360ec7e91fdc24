package org.tongjie.ill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the {@link Outbox}: each channel's {@link Transport} gets the messages in order per target; a
 * failed delivery is tried again after a backoff that doubles from {@code firstRetry} up to {@code maxRetry},
 * and the messages behind it to the same target wait for it. Nothing is ever dropped: a target that stays
 * down keeps its queue, visible in the outbox with the last error. Retry times follow the injected clock.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final Map<String, Transport> transports;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean closed;
    private Thread worker;

    /** What one pass did. */
    public record Report(int delivered, int failed) {}

    public OutboxSender(Outbox outbox, Map<String, Transport> transports, Clock clock, Duration firstRetry,
                        Duration maxRetry) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transports = Map.copyOf(transports);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("retry delays must be positive with max >= first, were "
                    + firstRetry + " and " + maxRetry);
        }
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /** Delivers everything that is due now, each target's messages in order; safe to call from any thread. */
    public synchronized Report runOnce() {
        int delivered = 0;
        int failed = 0;
        while (!closed) {
            var due = outbox.due(clock.instant(), BATCH);
            int before = delivered;
            for (OutboxEntry e : due) {
                if (attempt(e)) {
                    delivered++;
                } else {
                    failed++;
                }
            }
            if (delivered == before) {
                break; // nothing moved: what is left waits for its retry time
            }
        }
        return new Report(delivered, failed);
    }

    private boolean attempt(OutboxEntry e) {
        Transport transport = transports.get(e.message().channel());
        try {
            if (transport == null) {
                throw new IllegalStateException("no transport for channel " + e.message().channel());
            }
            outbox.delivered(e.id(), clock.instant(), transport.deliver(e));
            return true;
        } catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Instant next = clock.instant().plus(backoff(e.attempts()));
            String why = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
            outbox.failed(e.id(), next, why);
            LOG.warn("outbox message {} to {} {} not delivered (attempt {}), next try at {}: {}", e.id(),
                    e.message().channel(), e.message().target(), e.attempts() + 1, next, why);
            return false;
        }
    }

    Duration backoff(int attemptsSoFar) {
        Duration d = firstRetry;
        for (int i = 0; i < attemptsSoFar && d.compareTo(maxRetry) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxRetry) > 0 ? maxRetry : d;
    }

    /**
     * Delivers in the background: at once, then after each {@link #nudge()}, when a retry falls due, and at
     * least every {@code interval}.
     */
    public synchronized void start(Duration interval) {
        if (worker != null) {
            throw new IllegalStateException("the outbox sender is already running");
        }
        worker = Thread.ofVirtual().name("ill-outbox").start(() -> loop(interval, this::awaitNudge));
    }

    /** How the delivery loop waits: up to {@code d}, or less when woken; a test's pause moves its clock instead. */
    @FunctionalInterface
    interface Pause {
        void await(Duration d) throws InterruptedException;
    }

    /** The background delivery until closed; each pass waits for the next retry that can be sent (never zero when nothing moved). */
    void loop(Duration interval, Pause pause) {
        while (!closed) {
            Duration wait;
            try {
                wake.drainPermits();
                runOnce();
                wait = untilNextRetry(interval);
            } catch (RuntimeException e) {
                LOG.error("the outbox sender failed; it tries again in {}", interval, e);
                wait = interval; // a store that keeps failing must not be asked again at once
            }
            try {
                pause.await(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void awaitNudge(Duration d) throws InterruptedException {
        wake.tryAcquire(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Until the earliest retry is due, but at most {@code interval}. */
    Duration untilNextRetry(Duration interval) {
        Optional<Instant> next = outbox.nextAttempt();
        Duration wait = next.map(t -> Duration.between(clock.instant(), t)).orElse(interval);
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(interval) > 0 ? interval : wait;
    }

    /** Something was written to the outbox: deliver it now rather than at the next interval. */
    public void nudge() {
        wake.release();
    }

    @Override
    public void close() {
        closed = true;
        Thread w;
        synchronized (this) {
            w = worker;
        }
        if (w != null) {
            w.interrupt();
            try {
                w.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
