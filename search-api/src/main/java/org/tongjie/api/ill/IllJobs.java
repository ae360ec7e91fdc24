package org.tongjie.api.ill;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.ill.IllService;
import org.tongjie.ill.OutboxSender;

/** The ILL service's background work: the timed jobs (overdue, pickup expiry, lender timeouts) and outbox delivery. */
final class IllJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IllJobs.class);
    private static final Duration OUTBOX_RETRY = Duration.ofSeconds(30);

    private final IllService ill;
    private final OutboxSender sender;
    private ScheduledExecutorService scheduler;

    IllJobs(IllService ill, OutboxSender sender) {
        this.ill = ill;
        this.sender = sender;
    }

    /** The jobs every {@code minutes}; the outbox at once after each move and every 30 seconds for retries. */
    synchronized void start(long minutes) {
        if (scheduler != null) {
            throw new IllegalStateException("the ILL jobs are already scheduled");
        }
        sender.start(OUTBOX_RETRY);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("ill-jobs").unstarted(r));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                ill.runScheduledJobs();
            } catch (RuntimeException e) {
                LOG.error("ILL scheduled jobs failed; they run again in {} minutes", minutes, e);
            }
        }, minutes, minutes, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
