package org.tongjie.ill;

/**
 * Someone changed the request after the caller read it (another staff member, a double click). Nothing
 * was written; the caller should reload the request and decide again.
 */
public final class ConcurrentChangeException extends RuntimeException {
    private final long requestId;
    private final long seenVersion;

    ConcurrentChangeException(long requestId, long seenVersion, String now) {
        super("ILL request " + requestId + " changed since you read it at version " + seenVersion + " (" + now
                + "); reload it and try again");
        this.requestId = requestId;
        this.seenVersion = seenVersion;
    }

    public long requestId() { return requestId; }

    public long seenVersion() { return seenVersion; }
}
