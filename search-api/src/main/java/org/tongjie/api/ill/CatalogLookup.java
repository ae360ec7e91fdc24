package org.tongjie.api.ill;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.HoldingStatus;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.ill.Availability;
import org.tongjie.ill.CandidateHolding;
import org.tongjie.ill.Citation;
import org.tongjie.ill.CopyState;
import org.tongjie.ill.IllStore;
import org.tongjie.ill.GeoPoint;
import org.tongjie.ill.LendingSettings;
import org.tongjie.ill.Network;
import org.tongjie.ill.NetworkLibrary;
import org.tongjie.ill.ServicePointKind;
import org.tongjie.ill.iso18626.RecordLookup;
import org.tongjie.indexer.Catalog;
import org.tongjie.search.SearchHit;
import org.tongjie.catalog.Isbns;

/**
 * The one place ILL reads the catalogue: the copies of a record (its citation and candidate holdings) and
 * the member directory as a routing {@link Network}. The ILL module itself knows no catalogue.
 * A request names a union record, whose holdings are every member's copies of that edition.
 */
public final class CatalogLookup implements RecordLookup {
    /** Loan types that stay in the building (reference, reading room), whatever their status says. */
    private static final Set<String> NOT_LENDABLE = Set.of("REF", "REFERENCE", "NFL", "NOTFORLOAN", "READINGROOM");

    private final Catalog catalog;

    public CatalogLookup(Catalog catalog) {
        this.catalog = catalog;
    }

    Catalog catalog() {
        return catalog;
    }

    /** What a reader asks for when they ask for {@code recordId}, and every copy routing may consider. */
    public record Wanted(Citation citation, List<CandidateHolding> holdings) {}

    /** {@code recordId} names a union record, or any source record in one: the union record's copies are wanted. */
    public Optional<Wanted> wanted(String recordId) {
        return catalog.search().record(recordId).map(union -> {
            BibRecord record = union.description();
            var holdings = union.holdings().stream().map(CatalogLookup::candidate).toList();
            var citation = new Citation(union.id(), record.displayTitle(), record.authors().stream().findFirst(),
                    record.isbns().stream().findFirst(), Optional.empty(), record.volume());
            return new Wanted(citation, holdings);
        });
    }

    @Override
    public Optional<Match> byRecordId(String id) {
        return wanted(id).map(w -> new Match(w.citation(), w.holdings()));
    }

    /** The union record whose ISBNs include {@code isbn}, compared as ISBN-13; the search ranks exact ISBNs first. */
    @Override
    public Optional<Match> byIsbn(String isbn) {
        Optional<String> wanted = Isbns.toIsbn13(isbn);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return catalog.search().page(wanted.get(), 1, 10).hits().stream()
                .filter(h -> h.isbns().stream().map(Isbns::toIsbn13).anyMatch(wanted::equals))
                .findFirst().flatMap(h -> byRecordId(h.id()));
    }

    /** The member directory as routing sees it, each member under its ILL settings. */
    public Network network(LendingSettings settings) {
        return Network.of(catalog.libraries().all().stream().map(l -> settings.of(l.id()).applyTo(member(l))).toList());
    }

    /**
     * The main class of the Chinese Library Classification (中图法) of a union record: the letter its first CLC
     * number starts with ("I" for I247.55); empty when it has none.
     */
    public Optional<String> clcClass(String recordId) {
        return catalog.search().record(recordId).flatMap(union -> union.description().classification().clc().stream().findFirst())
                .filter(clc -> !clc.isEmpty() && Character.isLetter(clc.charAt(0)))
                .map(clc -> clc.substring(0, 1).toUpperCase(Locale.ROOT));
    }

    /**
     * The hit with the copies ILL has out (promised, in transit, on a hold shelf or in a locker, lent, missing)
     * no longer counted as on the shelf, whatever the member's own system last reported.
     */
    public static SearchHit withCopyStates(SearchHit hit, IllStore store) {
        return copyStatuses(hit.id(), store).map(hit::withStatuses).orElse(hit);
    }

    /** The union record with its copies' statuses as interlibrary loan knows them, as {@link #withCopyStates(SearchHit, IllStore)}. */
    public static UnionRecord withCopyStates(UnionRecord union, IllStore store) {
        return copyStatuses(union.id(), store).map(union::withStatuses).orElse(union);
    }

    /** Each copy's status now, or empty when interlibrary loan has never moved a copy of the union record. */
    private static Optional<Function<Holding, HoldingStatus>> copyStatuses(String unionRecordId, IllStore store) {
        var states = new HashMap<String, CopyState>();
        store.copiesOf(unionRecordId).forEach(k -> states.put(k.libraryId() + "\u0000" + k.barcode(), k.state()));
        if (states.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(h -> h.status() != HoldingStatus.AVAILABLE ? h.status()
                : h.barcode().map(b -> states.get(h.libraryId() + "\u0000" + b)).map(CatalogLookup::status).orElse(h.status()));
    }

    private static HoldingStatus status(CopyState state) {
        return switch (state) {
            case ON_SHELF -> HoldingStatus.AVAILABLE;
            case IN_TRANSIT, IN_TRANSIT_HOME -> HoldingStatus.IN_TRANSIT;
            case RESERVED, ON_HOLD_SHELF, IN_LOCKER, ON_LOAN -> HoldingStatus.ON_LOAN;
            case MISSING -> HoldingStatus.LOST;
        };
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
