package org.tongjie.api.ill;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.Library;
import org.tongjie.ill.Availability;
import org.tongjie.ill.CandidateHolding;
import org.tongjie.ill.Citation;
import org.tongjie.ill.GeoPoint;
import org.tongjie.ill.Network;
import org.tongjie.ill.NetworkLibrary;
import org.tongjie.ill.ServicePointKind;
import org.tongjie.indexer.Catalog;

/**
 * The one place ILL reads the catalogue: the copies of a record (its citation and candidate holdings) and
 * the member directory as a routing {@link Network}. The ILL module itself knows no catalogue.
 * A request names a union record, whose holdings are every member's copies of that edition.
 */
public final class CatalogLookup {
    /** Loan types that stay in the building (reference, reading room), whatever their status says. */
    private static final Set<String> NOT_LENDABLE = Set.of("REF", "REFERENCE", "NFL", "NOTFORLOAN", "READINGROOM");

    private final Catalog catalog;

    public CatalogLookup(Catalog catalog) {
        this.catalog = catalog;
    }

    /** What a reader asks for when they ask for {@code recordId}, and every copy routing may consider. */
    public record Wanted(Citation citation, List<CandidateHolding> holdings) {}

    /** {@code recordId} names a union record, or any source record in one: the union record's copies are wanted. */
    public Optional<Wanted> wanted(String recordId) {
        return catalog.record(recordId).map(union -> {
            BibRecord record = union.description();
            var holdings = union.holdings().stream().map(CatalogLookup::candidate).toList();
            var citation = new Citation(union.id(), record.displayTitle(), record.authors().stream().findFirst(),
                    record.isbns().stream().findFirst(), Optional.empty());
            return new Wanted(citation, holdings);
        });
    }

    /**
     * The main class of the Chinese Library Classification (中图法) of a union record: the letter its first CLC
     * number starts with ("I" for I247.55); empty when it has none.
     */
    public Optional<String> clcClass(String recordId) {
        return catalog.record(recordId).flatMap(union -> union.description().classification().clc().stream().findFirst())
                .filter(clc -> !clc.isEmpty() && Character.isLetter(clc.charAt(0)))
                .map(clc -> clc.substring(0, 1).toUpperCase(Locale.ROOT));
    }

    /** The member directory as routing sees it: every member open, no quota, the default lending policy. */
    public Network network() {
        return Network.of(catalog.libraries().stream().map(CatalogLookup::member).toList());
    }

    private static NetworkLibrary member(Library l) {
        return NetworkLibrary.of(l.id(), ServicePointKind.valueOf(l.kind().name()), l.parentId().orElse(null),
                l.coordinates().map(c -> new GeoPoint(c.latitude(), c.longitude())).orElse(null));
    }

    private static CandidateHolding candidate(Holding h) {
        boolean lendable = h.loanType().map(t -> !NOT_LENDABLE.contains(t.toUpperCase(Locale.ROOT).replace(" ", "")))
                .orElse(true);
        return new CandidateHolding(h.libraryId(), h.servicePoint(), h.barcode(), h.location(), h.callNumber(),
                Availability.valueOf(h.status().name()), lendable, h.loanType());
    }
}
