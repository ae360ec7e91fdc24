package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The store allows exactly what the table says, and the table has no dead ends or orphan states. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransitionTableTest {
    IllStore store;

    @BeforeAll
    void open(@TempDir Path dir) {
        // One database for the ~870 cases (a migration each would dominate); each case has its own request.
        store = openStore(dir);
    }

    IllStore openStore(Path dir) {
        return IllStore.openSqlite(dir.resolve("ill.db"), Clock.fixed(Walk.T0, ZoneOffset.UTC));
    }

    Stream<Arguments> everyReachableStateAndAction() {
        return Stream.of(Track.values()).flatMap(track -> Walk.shortestPaths(track).keySet().stream()
                .flatMap(state -> Stream.of(Action.values()).map(action -> Arguments.of(track, state, action))));
    }

    @ParameterizedTest(name = "{0}: {1} + {2}")
    @MethodSource("everyReachableStateAndAction")
    void storeAllowsExactlyWhatTheTableSays(Track track, RequestState state, Action action) {
        IllRequest request = Walk.driveTo(store, track, state);
        assertEquals(state, request.state());
        var expected = Transitions.next(track, state, action);
        if (expected.isPresent()) {
            IllRequest after = store.apply(request.id(), request.version(), Walk.sample(action), "staff", "");
            assertEquals(expected.get(), after.state());
            assertEquals(request.version() + 1, after.version());
            assertEquals(after, store.find(request.id()).orElseThrow());
        } else {
            var e = assertThrows(IllegalTransitionException.class,
                    () -> store.apply(request.id(), request.version(), Walk.sample(action), "staff", ""));
            assertTrue(e.getMessage().contains("request " + request.id() + " is " + state), e.getMessage());
            assertTrue(e.getMessage().contains(action.name()), e.getMessage());
            assertEquals(Transitions.allowed(track, state), e.allowed());
            assertEquals(request, store.find(request.id()).orElseThrow(), "a refused action must change nothing");
        }
    }

    @Test
    void everyStateIsReachableOnSomeTrack() {
        Set<RequestState> reached = EnumSet.noneOf(RequestState.class);
        for (Track track : Track.values()) {
            reached.addAll(Walk.shortestPaths(track).keySet());
        }
        assertEquals(EnumSet.allOf(RequestState.class), reached, "a state no request can reach is a dead state");
    }

    @Test
    void everyReachableStateCanFinish() {
        for (Track track : Track.values()) {
            for (RequestState state : Walk.shortestPaths(track).keySet()) {
                assertTrue(canReachTerminal(track, state), track + ": " + state + " can never finish");
            }
        }
    }

    @Test
    void terminalStatesAreExactlyTheOnesWithNoWayOut() {
        for (Track track : Track.values()) {
            for (RequestState state : Walk.shortestPaths(track).keySet()) {
                assertEquals(state.isTerminal(), Transitions.allowed(track, state).isEmpty(), track + ": " + state);
            }
        }
        assertEquals(Walk.terminals(), EnumSet.copyOf(Stream.of(RequestState.values())
                .filter(RequestState::isTerminal).toList()));
    }

    @Test
    void noRowStartsFromAStateItsTrackCannotReach() {
        for (var move : Transitions.TABLE) {
            for (Track track : move.tracks()) {
                assertTrue(Walk.shortestPaths(track).containsKey(move.from()), "dead row " + move + " on " + track);
            }
        }
    }

    @Test
    void copiesSkipLoanAndReturnStates() {
        assertEquals(EnumSet.of(RequestState.REQUESTED, RequestState.ON_HOLD, RequestState.ROUTED, RequestState.AT_LENDER,
                        RequestState.WILL_SUPPLY, RequestState.UNFILLED, RequestState.SHIPPED,
                        RequestState.COMPLETED, RequestState.CANCELLED),
                EnumSet.copyOf(Walk.shortestPaths(Track.COPY).keySet()));
    }

    @Test
    void cancelIsAllowedExactlyBeforeShipping() {
        var beforeShipping = EnumSet.of(RequestState.REQUESTED, RequestState.ON_HOLD, RequestState.ROUTED, RequestState.AT_LENDER,
                RequestState.WILL_SUPPLY, RequestState.UNFILLED, RequestState.PICKED);
        for (Track track : Track.values()) {
            for (RequestState state : Walk.shortestPaths(track).keySet()) {
                boolean expected = beforeShipping.contains(state);
                assertEquals(expected, Transitions.next(track, state, Action.CANCEL).isPresent(), track + ": " + state);
            }
        }
    }

    private static boolean canReachTerminal(Track track, RequestState start) {
        var seen = EnumSet.of(start);
        var queue = new ArrayDeque<>(Set.of(start));
        while (!queue.isEmpty()) {
            RequestState s = queue.poll();
            if (s.isTerminal()) {
                return true;
            }
            for (Action a : Transitions.allowed(track, s)) {
                RequestState next = Transitions.next(track, s, a).orElseThrow();
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return false;
    }
}
