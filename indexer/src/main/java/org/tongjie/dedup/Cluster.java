package org.tongjie.dedup;

import java.util.List;
import java.util.Optional;

/**
 * Source records found to describe one edition. The id is the smallest member record id, so the same
 * records always give the same id. Each member says how it joined: the rule, and the member it matched.
 * The first member joined nothing, so both are empty for it.
 */
public record Cluster(String id, List<Member> members) {
    public record Member(String recordId, Optional<String> rule, Optional<String> matchedWith) {}

    public Cluster {
        members = List.copyOf(members);
    }

    public List<String> recordIds() {
        return members.stream().map(Member::recordId).toList();
    }
}
