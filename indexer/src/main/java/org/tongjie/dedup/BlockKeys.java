package org.tongjie.dedup;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys under which a record looks for the records it might match: two records that any rule could
 * join share at least one key, so only records sharing a key are ever compared: each identifier, and
 * each title with each author, each title with the first word of each publisher form (for records
 * without an author, and serials), and a serial's key title.
 */
final class BlockKeys {
    private BlockKeys() {}

    static Set<String> of(MatchKeys k) {
        var keys = new LinkedHashSet<String>();
        k.isbns().forEach(i -> keys.add("isbn:" + i));
        k.issns().forEach(i -> keys.add("issn:" + i));
        k.marks().linkingIssns().forEach(i -> keys.add("issn:" + i));
        k.systemNumbers().forEach(n -> keys.add("sn:" + n));
        k.marks().keyTitle().ifPresent(t -> keys.add("kt:" + t));
        for (String title : k.titles()) {
            k.authors().forEach(a -> keys.add("ta:" + title + "|" + a));
            k.publishers().forEach(p -> keys.add("tp:" + title + "|" + p.split(" ")[0]));
        }
        return Set.copyOf(keys);
    }
}
