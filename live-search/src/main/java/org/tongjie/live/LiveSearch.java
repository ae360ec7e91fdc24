package org.tongjie.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LiveTarget;
import org.tongjie.search.SearchField;
import org.tongjie.search.SearchHit;
import org.tongjie.live.LiveStatus.Status;
import org.tongjie.z3950.RpnQuery;
import org.tongjie.z3950.ZoomException;

/**
 * Federated search over the live members: one Z39.50 search per member in parallel, each given its own
 * timeout, so a slow or dead target costs the reader at most that timeout (plus {@link #MARGIN}) and is
 * reported rather than waited for. Answers are cached for {@link #CACHE_FOR} per member and query; a target
 * that answers after we gave up on it still fills the cache for the next reader.
 */
public final class LiveSearch {
    /** Records fetched per live member: a first look, not a full result list. */
    static final int FIRST_RECORDS = 10;
    /** On top of a member's timeout, for thread hand-over and normalising its records. */
    static final Duration MARGIN = Duration.ofMillis(500);
    static final Duration CACHE_FOR = Duration.ofMinutes(1);
    /** ZOOM-C's "timeout" diagnostic: the target took longer than the timeout it was given. */
    private static final int ZOOM_TIMEOUT = 10007;
    /**
     * Platform threads, not virtual ones: the YAZ calls block in native code, which pins a virtual thread
     * to its carrier. Few, since live members are few; idle ones go away.
     */
    private static final int THREADS = 8;

    private final Supplier<List<Library>> directory;
    private final MemberSearch members;
    private final ExecutorService pool;
    private final Cache<Key, MemberSearch.Found> answers;

    private record Key(String libraryId, LiveTarget target, String pqf) {}

    private record Pending(Library member, LiveTarget target, CompletableFuture<Outcome> outcome) {}

    private record Outcome(LiveStatus status, List<SearchHit> hits) {}

    LiveSearch(Supplier<List<Library>> directory, MemberSearch members, Ticker ticker) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.members = Objects.requireNonNull(members, "members");
        this.answers = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(CACHE_FOR).maximumSize(10_000).build();
        var executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
    }

    /** Live search over the members the directory lists with a live target, over Z39.50. */
    public static LiveSearch over(Supplier<List<Library>> directory) {
        return new LiveSearch(directory, new ZoomMemberSearch(FIRST_RECORDS), Ticker.systemTicker());
    }

    /**
     * Searches every live member for the reader's search (the typed query and the advanced form's boxes, as
     * {@link LiveQuery} translates them) and waits for each at most its timeout plus {@link #MARGIN}. A
     * search with nothing a member could be asked searches no one.
     */
    public LiveResults search(String typed, Map<SearchField, String> fields) {
        Optional<RpnQuery> query = LiveQuery.of(typed, fields);
        if (query.isEmpty()) {
            return LiveResults.NONE;
        }
        String pqf = query.get().toPqf();
        long start = System.nanoTime();
        List<Pending> pending = directory.get().stream()
                .flatMap(member -> member.liveTarget().stream()
                        .map(target -> new Pending(member, target, outcome(member.id(), target, pqf, start))))
                .toList();
        var statuses = new ArrayList<LiveStatus>();
        var hits = new ArrayList<SearchHit>();
        for (Pending p : pending) {
            Outcome outcome = await(p, start);
            statuses.add(outcome.status());
            hits.addAll(outcome.hits());
        }
        return new LiveResults(statuses, hits);
    }

    private CompletableFuture<Outcome> outcome(String libraryId, LiveTarget target, String pqf, long start) {
        var key = new Key(libraryId, target, pqf);
        MemberSearch.Found cached = answers.getIfPresent(key);
        CompletableFuture<MemberSearch.Found> found = cached != null ? CompletableFuture.completedFuture(cached)
                : CompletableFuture.supplyAsync(() -> members.search(libraryId, target, pqf), pool)
                        .whenComplete((answer, failure) -> {
                            if (answer != null) {
                                answers.put(key, answer);
                            }
                        });
        // Timed where it completes, so a fast member is not charged for the slow one awaited before it.
        return found.handle((answer, failure) -> {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return answer != null
                    ? new Outcome(new LiveStatus(libraryId, Status.OK, answer.count(), Optional.empty(), millis), answer.hits())
                    : new Outcome(failed(libraryId, target, unwrap(failure), millis), List.of());
        });
    }

    private static Outcome await(Pending p, long start) {
        long deadline = start + p.target().timeout().plus(MARGIN).toNanos();
        try {
            return p.outcome().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new Outcome(timedOut(p.member().id(), p.target(), p.target().timeout().toMillis()), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(new LiveStatus(p.member().id(), Status.ERROR, 0,
                    Optional.of("the hub was interrupted while waiting for " + zurl(p.target())), 0), List.of());
        } catch (ExecutionException e) {
            // outcome() handles every failure, so this is a bug of ours; report it on the member all the same.
            return new Outcome(failed(p.member().id(), p.target(), e.getCause(), 0), List.of());
        }
    }

    private static LiveStatus failed(String libraryId, LiveTarget target, Throwable failure, long millis) {
        if (failure instanceof ZoomException zoom && zoom.code() == ZOOM_TIMEOUT && zoom.diagnosticSet().equals("ZOOM-C")) {
            return timedOut(libraryId, target, millis);
        }
        String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new LiveStatus(libraryId, Status.ERROR, 0, Optional.of(why
                + "; check that the member's Z39.50 target " + zurl(target) + " is up and its live target setting is right"),
                millis);
    }

    private static LiveStatus timedOut(String libraryId, LiveTarget target, long millis) {
        return new LiveStatus(libraryId, Status.TIMEOUT, 0, Optional.of("no answer from " + zurl(target) + " within "
                + target.timeout().toMillis() + " ms; the search went on without it (raise timeoutMs if it is just slow)"),
                millis);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String zurl(LiveTarget target) {
        return target.host() + ":" + target.port() + "/" + target.database();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        var count = new AtomicInteger();
        return task -> {
            // Daemon: a search still stuck in a dead target must not keep the hub from exiting.
            Thread thread = Thread.ofPlatform().daemon().name("live-z3950-" + count.incrementAndGet()).unstarted(task);
            return thread;
        };
    }
}
