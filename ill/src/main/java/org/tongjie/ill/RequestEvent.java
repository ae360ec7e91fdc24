package org.tongjie.ill;

import java.time.Instant;
import java.util.Optional;

/**
 * One move of one request, appended and never changed (the table has triggers that refuse UPDATE and
 * DELETE). {@code seq} is the request's version after the move: 1, 2, 3… with no gaps.
 */
public record RequestEvent(long requestId, long seq, String actor, Instant at, RequestState from,
                           RequestState to, Action action, Details details, Optional<String> note) {
    public RequestEvent {
        Checks.nonBlank(actor, "actor");
        Checks.present(at, "event time");
        Checks.present(from, "from state");
        Checks.present(to, "to state");
        Checks.present(action, "action");
        Checks.present(details, "details");
        Checks.present(note, "note");
    }
}
