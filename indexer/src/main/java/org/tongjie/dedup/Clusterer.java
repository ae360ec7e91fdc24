package org.tongjie.dedup;

import org.tongjie.catalog.ClusterOverride;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups records that share block keys into clusters of one edition each. A record joins a cluster when
 * some member matches it by a rule and nothing in the cluster conflicts with it: the conflicts are checked
 * against every distinct conflict profile the cluster holds ({@link MatchKeys#profile}), so a record
 * without a publisher or carrier cannot bridge two editions, and a cluster of many copies of one record
 * is checked once, not once per copy, and records are taken in id order, so the same records always give the
 * same clusters: updating a few records and clustering their block again gives what clustering everything
 * from scratch would. Staff overrides come first: MERGE pairs form one unit that vetoes cannot break,
 * SPLIT pairs never share a cluster.
 */
public final class Clusterer {
    public static final String STAFF_MERGE = "staff-merge";

    private Clusterer() {}

    public static List<Cluster> cluster(List<Candidate> candidates, List<ClusterOverride> overrides) {
        var byId = new HashMap<String, Candidate>();
        candidates.forEach(c -> byId.put(c.recordId(), c));
        var split = new HashMap<String, Set<String>>();
        var units = new Units(byId.keySet());
        for (ClusterOverride o : overrides) {
            if (byId.containsKey(o.recordA()) && byId.containsKey(o.recordB())) {
                if (o.kind() == ClusterOverride.Kind.MERGE) {
                    units.join(o.recordA(), o.recordB());
                } else {
                    split.computeIfAbsent(o.recordA(), k -> new HashSet<>()).add(o.recordB());
                    split.computeIfAbsent(o.recordB(), k -> new HashSet<>()).add(o.recordA());
                }
            }
        }
        var clusters = new ArrayList<Building>();
        var byKey = new HashMap<String, List<Building>>();
        for (List<String> unit : units.sorted()) {
            List<Candidate> members = unit.stream().map(byId::get).toList();
            Building home = null;
            for (Building candidate : sharingKeys(members, byKey)) {
                Optional<Cluster.Member> match = candidate.match(members, split);
                if (match.isPresent()) {
                    home = candidate;
                    home.add(members, match.get());
                    break;
                }
            }
            if (home == null) {
                home = new Building(clusters.size());
                home.add(members, new Cluster.Member(members.getFirst().recordId(), Optional.empty(), Optional.empty()));
                clusters.add(home);
            }
            for (Candidate c : members) {
                for (String key : c.blockKeys()) {
                    List<Building> filed = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!filed.contains(home)) {
                        filed.add(home);
                    }
                }
            }
        }
        return clusters.stream().map(Building::toCluster).toList();
    }

    /**
     * The clusters a unit could join, oldest first: only a cluster with a member sharing a block key can
     * hold a match, so the others need not be tried.
     */
    private static List<Building> sharingKeys(List<Candidate> unit, Map<String, List<Building>> byKey) {
        var found = new TreeMap<Integer, Building>();
        for (Candidate c : unit) {
            for (String key : c.blockKeys()) {
                byKey.getOrDefault(key, List.of()).forEach(b -> found.put(b.order, b));
            }
        }
        return List.copyOf(found.values());
    }

    /** A cluster being built: its members in joining order, how each joined, and its distinct conflict profiles. */
    private static final class Building {
        private final int order;
        private final List<Candidate> members = new ArrayList<>();
        private final Set<String> memberIds = new HashSet<>();
        private final Set<MatchKeys> profiles = new LinkedHashSet<>();
        private final List<Cluster.Member> joined = new ArrayList<>();

        Building(int order) {
            this.order = order;
        }

        /**
         * How the unit would join: the first member that matches it by a rule; empty when a pair is split,
         * a profile of the cluster conflicts with one of the unit's records, or no member matches.
         */
        Optional<Cluster.Member> match(List<Candidate> unit, Map<String, Set<String>> split) {
            for (Candidate newcomer : unit) {
                if (!Collections.disjoint(split.getOrDefault(newcomer.recordId(), Set.of()), memberIds)) {
                    return Optional.empty();
                }
                for (MatchKeys profile : profiles) {
                    if (Conflicts.between(newcomer.keys(), profile).isPresent()) {
                        return Optional.empty();
                    }
                }
            }
            for (Candidate newcomer : unit) {
                for (Candidate member : members) {
                    MatchDecision d = Matcher.evidence(newcomer.keys(), member.keys());
                    if (d.sameEdition()) {
                        return Optional.of(new Cluster.Member(unit.getFirst().recordId(), d.rule(), Optional.of(member.recordId())));
                    }
                }
            }
            return Optional.empty();
        }

        /** Adds a unit: its first record as {@code first} says, the rest as merged into it by staff. */
        void add(List<Candidate> unit, Cluster.Member first) {
            joined.add(first);
            for (Candidate c : unit.subList(1, unit.size())) {
                joined.add(new Cluster.Member(c.recordId(), Optional.of(STAFF_MERGE), Optional.of(first.recordId())));
            }
            members.addAll(unit);
            unit.forEach(c -> {
                memberIds.add(c.recordId());
                profiles.add(c.profile());
            });
        }

        Cluster toCluster() {
            String id = members.stream().map(Candidate::recordId).min(Comparator.naturalOrder()).orElseThrow();
            return new Cluster(id, joined);
        }
    }

    /** Records tied together by staff merges (union-find), each unit in id order, units by their first id. */
    private static final class Units {
        private final Map<String, String> parent = new HashMap<>();

        Units(Set<String> ids) {
            ids.forEach(id -> parent.put(id, id));
        }

        void join(String a, String b) {
            String ra = root(a);
            String rb = root(b);
            if (!ra.equals(rb)) {
                parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
            }
        }

        private String root(String id) {
            String p = parent.get(id);
            return p.equals(id) ? id : root(p);
        }

        List<List<String>> sorted() {
            var groups = new HashMap<String, List<String>>();
            parent.keySet().stream().sorted().forEach(id -> groups.computeIfAbsent(root(id), r -> new ArrayList<>()).add(id));
            return groups.values().stream().sorted(Comparator.comparing(List::getFirst)).toList();
        }
    }
}
