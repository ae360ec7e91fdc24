package org.tongjie.ill;

import java.util.OptionalInt;

/**
 * A member library's ILL settings, set by its staff or the network administrator: whether it lends now
 * (a library closed for stocktaking or a holiday is skipped by routing, with the reason on the rota), the
 * most lending requests it takes at once, and its lending policy.
 */
public record LibrarySettings(boolean lending, OptionalInt quota, LendingPolicy policy) {
    /** What a library that never set anything gets: it lends, without a quota, under the default policy. */
    public static final LibrarySettings DEFAULT = new LibrarySettings(true, OptionalInt.empty(), LendingPolicy.DEFAULT);

    public LibrarySettings {
        Checks.present(quota, "quota");
        Checks.present(policy, "lending policy");
        if (quota.isPresent() && quota.getAsInt() < 0) {
            throw new IllegalArgumentException("quota must be 0 or more, was " + quota.getAsInt());
        }
    }

    /** The library as routing and loans see it under these settings. */
    public NetworkLibrary applyTo(NetworkLibrary library) {
        NetworkLibrary set = library.withQuota(quota.orElse(Integer.MAX_VALUE)).withPolicy(policy);
        return lending ? set : set.closed();
    }
}
