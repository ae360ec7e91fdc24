package org.tongjie.ill;

import java.util.Set;

/** The action is not in the transition table for the request's current state. */
public final class IllegalTransitionException extends RuntimeException {
    private final long requestId;
    private final RequestState current;
    private final Action action;
    private final Set<Action> allowed;

    IllegalTransitionException(long requestId, RequestState current, Action action, Set<Action> allowed) {
        super("ILL request " + requestId + " is " + current + ": " + action + " is not allowed from there. "
                + (allowed.isEmpty() ? "No action is allowed: the request is closed."
                        : "Allowed actions: " + allowed + "."));
        this.requestId = requestId;
        this.current = current;
        this.action = action;
        this.allowed = Set.copyOf(allowed);
    }

    public long requestId() { return requestId; }

    public RequestState current() { return current; }

    public Action action() { return action; }

    public Set<Action> allowed() { return allowed; }
}
