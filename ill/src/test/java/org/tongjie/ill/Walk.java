package org.tongjie.ill;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test helpers: a request for each track, sample commands, and shortest walks through the table. */
final class Walk {
    static final Instant T0 = Instant.parse("2025-03-01T02:00:00Z");

    private Walk() {}

    static IllRequest create(IllStore store, Track track) {
        var citation = new Citation("urn:tongjie:union:0001", "红楼梦", Optional.of("曹雪芹"),
                Optional.of("9787020002207"), Optional.empty());
        var reader = new Reader("320583000123456", "KS");
        return switch (track) {
            case LOAN_AT_SERVICE_POINT -> store.create(citation, reader, ServiceType.LOAN,
                    new Pickup.AtServicePoint("KS-ZJ", Pickup.Kind.SMART_LOCKER));
            case LOAN_HOME_DELIVERY -> store.create(citation, reader, ServiceType.LOAN,
                    new Pickup.HomeDelivery("昆山市前进西路1号"));
            case COPY -> store.create(citation, reader, ServiceType.COPY,
                    new Pickup.AtServicePoint("KS", Pickup.Kind.BRANCH));
        };
    }

    /** A valid command for any action, with made-up details. */
    static Command sample(Action action) {
        Class<? extends Details> type = action.detailsType();
        if (type == Details.Shipment.class) {
            return Command.ship("EMS", "EMS-0001");
        } else if (type == Details.PickupShelf.class) {
            return Command.shelveForPickup("L-07", T0.plusSeconds(86_400 * 3));
        } else if (type == Details.DueDate.class) {
            return new Command(action, new Details.DueDate(T0.plusSeconds(86_400 * 30)));
        } else if (type == Details.Lender.class) {
            return Command.route(1, "TC");
        } else if (type == Details.RespondBy.class) {
            return Command.sendToLender(T0.plusSeconds(86_400 * 2));
        } else if (type == Details.ReturnedAt.class) {
            return Command.returnAt(new Pickup.AtServicePoint("GL", Pickup.Kind.KIOSK_24H));
        }
        return Command.of(action);
    }

    /** States reachable from REQUESTED on a track, each with the shortest list of actions to get there. */
    static Map<RequestState, List<Action>> shortestPaths(Track track) {
        var paths = new EnumMap<RequestState, List<Action>>(RequestState.class);
        paths.put(RequestState.REQUESTED, List.of());
        var queue = new ArrayDeque<>(List.of(RequestState.REQUESTED));
        while (!queue.isEmpty()) {
            RequestState from = queue.poll();
            for (Action action : Transitions.allowed(track, from)) {
                RequestState to = Transitions.next(track, from, action).orElseThrow();
                if (!paths.containsKey(to)) {
                    var path = new ArrayList<>(paths.get(from));
                    path.add(action);
                    paths.put(to, Collections.unmodifiableList(path));
                    queue.add(to);
                }
            }
        }
        return paths;
    }

    /** Creates a request on {@code track} and drives it, through the store, to {@code state}. */
    static IllRequest driveTo(IllStore store, Track track, RequestState state) {
        IllRequest request = create(store, track);
        for (Action action : shortestPaths(track).get(state)) {
            request = store.apply(request.id(), request.version(), sample(action), "test", "");
        }
        return request;
    }

    static Set<RequestState> terminals() {
        return Set.of(RequestState.COMPLETED, RequestState.CANCELLED, RequestState.LOST);
    }
}
