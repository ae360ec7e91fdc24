package org.tongjie.ill;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The member directory as routing and loans need it: a value handed in, so ILL depends on no catalogue. */
public record Network(Map<String, NetworkLibrary> libraries) {
    public Network {
        libraries = Map.copyOf(libraries);
    }

    public static Network of(Collection<NetworkLibrary> members) {
        var map = new LinkedHashMap<String, NetworkLibrary>();
        for (NetworkLibrary m : members) {
            if (map.put(m.id(), m) != null) {
                throw new IllegalArgumentException("library " + m.id() + " is in the network twice");
            }
        }
        return new Network(map);
    }

    public Optional<NetworkLibrary> library(String id) {
        return Optional.ofNullable(libraries.get(id));
    }

    /** The lender's policy, or the default for a library the directory does not know. */
    public LendingPolicy policyOf(String libraryId) {
        return library(libraryId).map(NetworkLibrary::policy).orElse(LendingPolicy.DEFAULT);
    }
}
