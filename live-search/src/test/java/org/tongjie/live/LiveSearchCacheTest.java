package org.tongjie.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.LiveTarget;

/** Live answers are kept a minute per member and query, on an injected clock; failures are not kept. */
class LiveSearchCacheTest {
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final Library member = new Library("remote", "远程", "remote", LibraryKind.BRANCH, Optional.empty(), "",
            Optional.empty()).withLiveTarget(LiveTarget.of("z3950.example.org", 210, "Default"));

    @Test
    void anAnswerIsReusedForAMinuteThenAskedForAgain() {
        var calls = new AtomicInteger();
        var live = new LiveSearch(() -> List.of(member), (id, target, term) -> {
            calls.incrementAndGet();
            return new MemberSearch.Found(7, List.of());
        }, ticker);

        assertEquals(7, live.search("computer", Map.of()).live().getFirst().hits());
        live.search(" computer ", Map.of());
        assertEquals(1, calls.get(), "the same words, cached");
        live.search("history", Map.of());
        assertEquals(2, calls.get(), "other words, asked");

        nanos.addAndGet(LiveSearch.CACHE_FOR.plusSeconds(1).toNanos());
        live.search("computer", Map.of());
        assertEquals(3, calls.get(), "a minute later, asked again");
    }

    @Test
    void aFailureIsReportedAndNotCached() {
        var calls = new AtomicInteger();
        var live = new LiveSearch(() -> List.of(member), (id, target, term) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("libyaz.so.5 is not installed");
        }, ticker);

        LiveStatus status = live.search("computer", Map.of()).live().getFirst();
        live.search("computer", Map.of());

        assertEquals(LiveStatus.Status.ERROR, status.status());
        assertEquals(true, status.message().orElseThrow().startsWith("libyaz.so.5 is not installed; check"));
        assertEquals(2, calls.get());
    }

    @Test
    void harvestedMembersAndBlankQueriesAreNotSearched() {
        var calls = new AtomicInteger();
        Library harvested = new Library("local", "本地", "local", LibraryKind.BRANCH, Optional.empty(), "", Optional.empty());
        var live = new LiveSearch(() -> List.of(harvested, member), (id, target, term) -> {
            calls.incrementAndGet();
            return new MemberSearch.Found(0, List.of());
        }, ticker);

        assertEquals(List.of("remote"), live.search("x", Map.of()).live().stream().map(LiveStatus::libraryId).toList());
        assertEquals(LiveResults.NONE, live.search("  ", Map.of()));
        assertEquals(1, calls.get());
    }

    @Test
    void aSlowMemberIsGivenUpOnAtItsTimeout() {
        Library slow = new Library("slow", "慢", "slow", LibraryKind.BRANCH, Optional.empty(), "", Optional.empty())
                .withLiveTarget(LiveTarget.of("z3950.example.org", 210, "Default").withTimeout(Duration.ofMillis(200)));
        var live = new LiveSearch(() -> List.of(slow), (id, target, term) -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new MemberSearch.Found(1, List.of());
        }, ticker);

        long start = System.nanoTime();
        LiveStatus status = live.search("x", Map.of()).live().getFirst();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(LiveStatus.Status.TIMEOUT, status.status());
        // Not a speed check: the member sleeps 30 s, so only waiting for it would take this long.
        assertEquals(true, took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    }
}
