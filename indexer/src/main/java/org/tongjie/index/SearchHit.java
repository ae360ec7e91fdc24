package org.tongjie.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.HoldingStatus;
import org.tongjie.catalog.MaterialFormat;
import org.tongjie.catalog.UnionRecord;

/**
 * One result as the API shows it: a union record, the member libraries holding it and how many source
 * records it joins, with its copies summed up per service point ("2 of 3 on the shelf at the Lujia
 * branch") beside the copies themselves.
 */
public record SearchHit(
        String id,
        List<String> libraries,
        int sourceRecords,
        String title,
        Optional<String> volume,
        List<String> authors,
        OptionalInt year,
        List<String> isbns,
        Optional<String> publisher,
        MaterialFormat format,
        List<Availability> availability,
        List<Holding> holdings) {

    /** Copies at one service point, and how many of them can be borrowed now. */
    public record Availability(String servicePoint, int copies, int available) {}

    /** The hit for a union record: its description, the libraries holding it, its copies summed per service point. */
    public static SearchHit of(UnionRecord u) {
        BibRecord r = u.description();
        return new SearchHit(u.id(), u.libraries(), u.members().size(), r.displayTitle(), r.volume(), r.authors(),
                r.year(), r.isbns(), r.publisher(), r.format(), availability(u.holdings()), u.holdings());
    }

    private static List<Availability> availability(List<Holding> holdings) {
        var byPoint = new LinkedHashMap<String, int[]>();
        for (Holding h : holdings) {
            int[] counts = byPoint.computeIfAbsent(h.servicePoint(), p -> new int[2]);
            counts[0]++;
            if (h.status() == HoldingStatus.AVAILABLE) {
                counts[1]++;
            }
        }
        var out = new ArrayList<Availability>();
        byPoint.forEach((point, counts) -> out.add(new Availability(point, counts[0], counts[1])));
        return out;
    }
}
