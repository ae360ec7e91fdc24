package org.tongjie.ill;

import java.util.Optional;

/**
 * A member of the network as routing sees it.
 *
 * @param parentId  the library whose system this service point belongs to (a branch's central library)
 * @param location  where it is; without it, delivery distance is unknown and the library routes last
 * @param open      a closed library (holiday, stocktaking) is skipped
 * @param quota     at most this many open lending requests at once (Integer.MAX_VALUE: no limit)
 */
public record NetworkLibrary(String id, ServicePointKind kind, Optional<String> parentId, Optional<GeoPoint> location,
                             boolean open, int quota, LendingPolicy policy) {
    public NetworkLibrary {
        Checks.nonBlank(id, "library id");
        Checks.present(kind, "library kind");
        Checks.present(parentId, "parent library");
        Checks.present(location, "location");
        Checks.present(policy, "lending policy");
        if (quota < 0) {
            throw new IllegalArgumentException("quota must be 0 or more, was " + quota + " for " + id);
        }
    }

    /** An open library with no quota and the default policy. */
    public static NetworkLibrary of(String id, ServicePointKind kind, String parentId, GeoPoint location) {
        return new NetworkLibrary(id, kind, Optional.ofNullable(parentId), Optional.ofNullable(location), true,
                Integer.MAX_VALUE, LendingPolicy.DEFAULT);
    }

    public NetworkLibrary closed() {
        return new NetworkLibrary(id, kind, parentId, location, false, quota, policy);
    }

    public NetworkLibrary withQuota(int max) {
        return new NetworkLibrary(id, kind, parentId, location, open, max, policy);
    }

    public NetworkLibrary withPolicy(LendingPolicy p) {
        return new NetworkLibrary(id, kind, parentId, location, open, quota, p);
    }
}
