package org.tongjie.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tongjie.dedup.Cluster;
import org.tongjie.catalog.ClusterOverride;

/**
 * The union records' tables: the block keys each record is filed under, the cluster each record is in
 * and how it joined, and the staff overrides. Lookups take many ids at once, since clustering works on
 * whole blocks of records.
 */
public interface ClusterTables {
    /** The records filed under some keys, and the keys left out because more records than the limit share them. */
    record Block(Set<String> records, Set<String> oversizedKeys) {}

    /** The block keys now filed for each of the records. */
    Map<String, Set<String>> keysOf(Collection<String> recordIds);

    /**
     * Every record filed under any of the keys, except under keys that more than {@code limit} records share:
     * a key that large is shared by unrelated records (a common title with a common name), and following it
     * would recluster a large part of the catalogue for one change.
     */
    Block recordsUnder(Collection<String> keys, int limit);

    /** The records in the same clusters as these, themselves included. */
    Set<String> clusterMates(Collection<String> recordIds);

    Optional<String> clusterOf(String recordId);

    /**
     * Files the changed records under their new keys (none for a deleted record) and replaces the
     * clusters of every affected record, at once.
     */
    void save(Map<String, Set<String>> newKeys, Collection<String> affected, List<Cluster> clusters);

    /** Forgets every derived row (keys and clusters), before the index is rebuilt; overrides stay. */
    void clearDerived();

    void saveOverrides(List<ClusterOverride> overrides);

    /** Every override that names any of the records. */
    List<ClusterOverride> overridesOf(Collection<String> recordIds);
}
