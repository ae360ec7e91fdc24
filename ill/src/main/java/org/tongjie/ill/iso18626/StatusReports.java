package org.tongjie.ill.iso18626;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tongjie.ill.AgencyLink;
import org.tongjie.ill.Details;
import org.tongjie.ill.IllRequest;
import org.tongjie.ill.Outgoing;
import org.tongjie.ill.OutboxRule;
import org.tongjie.ill.RequestEvent;
import org.tongjie.ill.RotaEntry;
import org.tongjie.ill.ServiceType;
import org.tongjie.ill.Transition;
import org.tongjie.ill.iso18626.Iso18626.AgencyId;
import org.tongjie.ill.iso18626.Iso18626.ReasonForMessage;
import org.tongjie.ill.iso18626.Iso18626.Status;

/**
 * What the hub, as supplying agency, tells an external agency about its request: the moves member staff
 * make become supplyingAgencyMessages, written to the outbox with the move. The agency sees the network
 * as one supplier: which member lends, and its unfilled answers while the rota moves on, stay inside.
 */
final class StatusReports implements OutboxRule {
    static final String CHANNEL = "iso18626";

    private final AgencyId hub;

    StatusReports(AgencyId hub) {
        this.hub = hub;
    }

    /** The status and details one message carries. */
    private record Report(ReasonForMessage reason, Optional<Boolean> answerYes, Status status, Optional<Instant> due,
                          Optional<Iso18626.Delivery> delivery, Optional<String> reasonUnfilled) {
        static Report change(Status status) {
            return new Report(ReasonForMessage.StatusChange, Optional.empty(), status, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }

        Report due(Instant at) {
            return new Report(reason, answerYes, status, Optional.of(at), delivery, reasonUnfilled);
        }

        Report answering(ReasonForMessage r) {
            return new Report(r, Optional.of(true), status, due, delivery, reasonUnfilled);
        }
    }

    @Override
    public List<Outgoing> messages(Transition t) {
        if (t.agency().isEmpty()) {
            return List.of();
        }
        return report(t.request(), t.event(), t.lenderLine())
                .map(r -> outgoing(t.request(), t.agency().get(), r, t.event().at(), t.event().note()))
                .stream().toList();
    }

    private static Optional<Report> report(IllRequest r, RequestEvent e, Optional<RotaEntry> lenderLine) {
        boolean byAgency = e.actor().startsWith("agency:");
        boolean loan = r.serviceType() == ServiceType.LOAN;
        return Optional.ofNullable(switch (e.action()) {
            case WILL_SUPPLY -> Report.change(Status.WillSupply);
            case SHIP -> {
                var s = (Details.Shipment) e.details();
                var delivery = new Iso18626.Delivery(e.at(), lenderLine.flatMap(RotaEntry::barcode),
                        Optional.of(s.courier() + " " + s.waybill()));
                yield new Report(ReasonForMessage.StatusChange, Optional.empty(), loan ? Status.Loaned : Status.CopyCompleted,
                        Optional.empty(), Optional.of(delivery), Optional.empty());
            }
            case LOAN -> Report.change(Status.Loaned).due(((Details.DueDate) e.details()).due());
            case RENEW -> {
                Report renewed = Report.change(Status.Loaned).due(((Details.DueDate) e.details()).due());
                yield byAgency ? renewed.answering(ReasonForMessage.RenewResponse) : renewed;
            }
            case RECALL -> Report.change(Status.Recalled).due(((Details.DueDate) e.details()).due());
            case MARK_OVERDUE -> r.progress().due().map(d -> Report.change(Status.Overdue).due(d))
                    .orElse(Report.change(Status.Overdue));
            case COMPLETE -> loan ? Report.change(Status.LoanCompleted) : null; // a copy was complete when sent
            case DECLARE_LOST -> Report.change(Status.CompletedWithoutReturn);
            case CANCEL -> byAgency ? Report.change(Status.Cancelled).answering(ReasonForMessage.CancelResponse)
                    : new Report(ReasonForMessage.StatusChange, Optional.empty(), Status.Unfilled, Optional.empty(),
                    Optional.empty(), Optional.of(e.note().orElse("cancelled by the network")));
            default -> null;
        });
    }

    /** An answer that no move caused: a refused cancel or renewal (answerYesNo N), or a status asked for. */
    Outgoing answer(IllRequest r, AgencyLink link, ReasonForMessage reason, boolean yes, RequestEvent last,
                    Instant now, Optional<String> note) {
        var report = new Report(reason, reason == ReasonForMessage.StatusRequestResponse ? Optional.empty() : Optional.of(yes),
                statusOf(r, last), r.progress().due(), Optional.empty(), Optional.empty());
        return outgoing(r, link, report, now, note);
    }

    /** The request's state in ISO 18626's words. */
    static Status statusOf(IllRequest r, RequestEvent last) {
        boolean loan = r.serviceType() == ServiceType.LOAN;
        return switch (r.state()) {
            case REQUESTED, ON_HOLD, ROUTED, AT_LENDER, UNFILLED -> Status.RequestReceived;
            case WILL_SUPPLY, PICKED -> Status.WillSupply;
            case SHIPPED -> loan ? Status.Loaned : Status.CopyCompleted;
            case COMPLETED -> loan ? Status.LoanCompleted : Status.CopyCompleted;
            case OVERDUE -> Status.Overdue;
            case RECALLED -> Status.Recalled;
            case LOST -> Status.CompletedWithoutReturn;
            case CANCELLED -> last.actor().startsWith("agency:") ? Status.Cancelled : Status.Unfilled;
            case IN_TRANSIT, READY_FOR_PICKUP, ON_LOAN, RENEWED, RETURNED, IN_TRANSIT_HOME, CHECKED_IN,
                 EXPIRED_AT_PICKUP -> Status.Loaned;
        };
    }

    private Outgoing outgoing(IllRequest r, AgencyLink link, Report report, Instant at, Optional<String> note) {
        var header = new Iso18626.Header(hub, agencyId(link.agencySymbol()), at, link.agencyRequestId(),
                Optional.of(Long.toString(r.id())), Optional.empty());
        var message = new Iso18626.SupplyingAgencyMessage(header, report.reason(), report.answerYes(), note,
                report.reasonUnfilled(), report.status(), report.due(), at, report.delivery());
        return new Outgoing(CHANNEL, link.agencySymbol(), "application/xml",
                new String(Iso18626Writer.write(message), StandardCharsets.UTF_8));
    }

    static AgencyId agencyId(String symbol) {
        int colon = symbol.indexOf(':');
        return new AgencyId(symbol.substring(0, colon), symbol.substring(colon + 1));
    }
}
