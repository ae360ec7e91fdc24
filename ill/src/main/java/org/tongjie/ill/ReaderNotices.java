package org.tongjie.ill;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * What a reader is told about their requests — ready for pickup, due soon, overdue, recalled — rendered
 * from the Chinese or English templates ({@code notices_zh/en.properties}). Derived from the events and the
 * due date when asked, so they never disagree with the request. Sending them by SMS or e-mail is not here.
 */
public final class ReaderNotices {
    /** A loan is "due soon" this long before its due date. */
    public static final Duration DUE_SOON = Duration.ofDays(3);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public enum Kind { ON_HOLD, SHIPPED, READY_FOR_PICKUP, READY_IN_LOCKER, DUE_SOON, OVERDUE, RECALLED, RETURNED }

    public record Notice(long requestId, Kind kind, Instant at, Language language, String text) {}

    private final Language language;
    private final ResourceBundle templates;
    private final DateTimeFormatter dates;
    private final Function<String, String> placeName;

    /** @param placeName a library id to its name in {@code language} */
    public ReaderNotices(Language language, Function<String, String> placeName) {
        this.language = language;
        this.templates = ResourceBundle.getBundle("org.tongjie.ill.notices", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = DateTimeFormatter.ofPattern(templates.getString("DATE"), language.locale()).withZone(ZONE);
        this.placeName = placeName;
    }

    /** The reader's notices for {@code requests}, newest first. */
    public List<Notice> of(List<IllRequest> requests, Function<Long, List<RequestEvent>> events, Instant now) {
        return of(requests, events, r -> java.util.OptionalInt.empty(), id -> java.util.Optional.empty(), now);
    }

    /** The same, with the store's holds queues and locker codes. */
    public List<Notice> of(List<IllRequest> requests, IllStore store, Instant now) {
        return of(requests, store::events, store::holdPosition, store::pickupCode, now);
    }

    /**
     * @param holdPosition a waiting request's place in its title's queue
     * @param pickupCode   the locker code of a request in a locker
     */
    public List<Notice> of(List<IllRequest> requests, Function<Long, List<RequestEvent>> events,
                           Function<IllRequest, java.util.OptionalInt> holdPosition,
                           Function<Long, java.util.Optional<String>> pickupCode, Instant now) {
        var out = new ArrayList<Notice>();
        for (IllRequest r : requests) {
            String title = r.citation().titleWithVolume();
            var position = holdPosition.apply(r);
            if (position.isPresent()) {
                out.add(notice(r, Kind.ON_HOLD, now, title, position.getAsInt()));
            }
            for (RequestEvent e : events.apply(r.id())) {
                switch (e.details()) {
                    case Details.Shipment s when r.serviceType() == ServiceType.LOAN -> out.add(notice(r, Kind.SHIPPED,
                            e.at(), title, placeName.apply(pickupPlace(r))));
                    case Details.ReturnedAt p -> out.add(notice(r, Kind.RETURNED, e.at(), title,
                            placeName.apply(p.point().libraryId())));
                    // a pickup notice retires once the item is collected or sent back
                    case Details.PickupShelf p when r.state() != RequestState.READY_FOR_PICKUP -> { }
                    case Details.PickupShelf p when pickupCode.apply(r.id()).isPresent() -> out.add(notice(r,
                            Kind.READY_IN_LOCKER, e.at(), title, placeName.apply(pickupPlace(r)), p.slot(),
                            dates.format(p.holdUntil()), pickupCode.apply(r.id()).orElseThrow()));
                    case Details.PickupShelf p -> out.add(notice(r, Kind.READY_FOR_PICKUP, e.at(), title,
                            placeName.apply(pickupPlace(r)), p.slot(), dates.format(p.holdUntil())));
                    case Details.DueDate d when e.action() == Action.RECALL -> out.add(notice(r, Kind.RECALLED, e.at(),
                            title, dates.format(d.due())));
                    default -> {
                        if (e.action() == Action.MARK_OVERDUE) {
                            out.add(notice(r, Kind.OVERDUE, e.at(), title,
                                    r.progress().due().map(dates::format).orElse("")));
                        }
                    }
                }
            }
            boolean onLoan = EnumSet.of(RequestState.ON_LOAN, RequestState.RENEWED, RequestState.RECALLED).contains(r.state());
            r.progress().due().filter(due -> onLoan && due.isAfter(now) && !due.minus(DUE_SOON).isAfter(now))
                    .ifPresent(due -> out.add(notice(r, Kind.DUE_SOON, due.minus(DUE_SOON), title, dates.format(due))));
        }
        out.sort(Comparator.comparing(Notice::at).reversed());
        return out;
    }

    private Notice notice(IllRequest r, Kind kind, Instant at, Object... args) {
        return new Notice(r.id(), kind, at, language, new MessageFormat(templates.getString(kind.name()), language.locale())
                .format(args));
    }

    private static String pickupPlace(IllRequest r) {
        return r.pickup() instanceof Pickup.AtServicePoint p ? p.libraryId() : r.reader().homeLibraryId();
    }
}
