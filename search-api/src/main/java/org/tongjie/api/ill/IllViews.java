package org.tongjie.api.ill;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tongjie.ill.Action;
import org.tongjie.ill.Copy;
import org.tongjie.ill.CopyState;
import org.tongjie.ill.Details;
import org.tongjie.ill.IllRequest;
import org.tongjie.ill.IllService;
import org.tongjie.ill.IllStore;
import org.tongjie.ill.Pickup;
import org.tongjie.ill.Principal;
import org.tongjie.ill.Progress;
import org.tongjie.ill.RequestEvent;
import org.tongjie.ill.RequestState;
import org.tongjie.ill.RotaEntry;
import org.tongjie.ill.ServiceType;

/** What the API sends about a request: the card number masked, the home address shown to the reader only. */
final class IllViews {
    private IllViews() {}

    record CitationView(String recordId, String title, Optional<String> volume, Optional<String> author,
                        Optional<String> isbn, Optional<String> holdingLibraryId, Optional<String> holdingBarcode) {}

    /** The copy promised to or lent for the request now. */
    record CopyView(String libraryId, String barcode, CopyState state, String shelfLibrary, Optional<String> place,
                    Optional<Instant> until) {
        static CopyView of(Copy k) {
            return new CopyView(k.libraryId(), k.barcode(), k.state(), k.shelfLibrary(), k.place(), k.until());
        }
    }

    record ReaderView(String card, String homeLibraryId) {}

    record PickupView(String kind, Optional<String> libraryId, Optional<String> homeAddress) {}

    record EventView(long seq, Instant at, String actor, RequestState from, RequestState to, Action action,
                     Details details, Optional<String> note) {}

    /**
     * @param holdPosition the place in the title's holds queue while waiting for a copy (1 is next)
     * @param pickupCode   the locker code, for the reader (and the administrator) only
     */
    record RequestView(long id, RequestState state, long version, ServiceType serviceType, CitationView citation,
                       ReaderView reader, PickupView pickup, Progress progress, OptionalInt holdPosition,
                       Optional<CopyView> copy, Optional<String> pickupCode, List<RotaEntry> rota,
                       List<EventView> timeline, Set<Action> allowedActions) {}

    record Summary(long id, RequestState state, long version, String title, Optional<String> volume,
                   String homeLibraryId, PickupView pickup, Progress progress) {}

    static RequestView of(IllRequest r, IllStore store, IllService ill, Principal who) {
        boolean mayReadAddress = who instanceof Principal.ReaderPrincipal || who instanceof Principal.Admin;
        var c = r.citation();
        var citation = new CitationView(c.unionRecordId(), c.title(), c.volume(), c.author(), c.isbn(),
                c.holding().map(h -> h.lenderLibraryId()), c.holding().map(h -> h.barcode()));
        var timeline = store.events(r.id()).stream().map(IllViews::event).toList();
        Optional<String> code = mayReadAddress ? store.pickupCode(r.id()) : Optional.empty();
        return new RequestView(r.id(), r.state(), r.version(), r.serviceType(), citation, reader(r), pickup(r, mayReadAddress),
                r.progress(), store.holdPosition(r), store.copyOf(r.id()).map(CopyView::of), code, store.rota(r.id()),
                timeline, ill.allowedActions(who, r));
    }

    static Summary summary(IllRequest r) {
        return new Summary(r.id(), r.state(), r.version(), r.citation().title(), r.citation().volume(),
                r.reader().homeLibraryId(), pickup(r, false), r.progress());
    }

    private static ReaderView reader(IllRequest r) {
        return new ReaderView(masked(r.reader().cardNumber()), r.reader().homeLibraryId());
    }

    static String masked(String card) {
        return "****" + card.substring(Math.max(0, card.length() - 4));
    }

    private static PickupView pickup(IllRequest r, boolean withAddress) {
        return switch (r.pickup()) {
            case Pickup.AtServicePoint p -> new PickupView(p.kind().name(), Optional.of(p.libraryId()), Optional.empty());
            case Pickup.HomeDelivery h -> new PickupView("HOME", Optional.empty(),
                    withAddress ? Optional.of(h.address()) : Optional.empty());
        };
    }

    private static EventView event(RequestEvent e) {
        return new EventView(e.seq(), e.at(), e.actor(), e.from(), e.to(), e.action(), e.details(), e.note());
    }
}
