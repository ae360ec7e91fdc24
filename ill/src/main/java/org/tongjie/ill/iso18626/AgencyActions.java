package org.tongjie.ill.iso18626;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.tongjie.ill.Action;
import org.tongjie.ill.Agency;
import org.tongjie.ill.AgencyLink;
import org.tongjie.ill.Command;
import org.tongjie.ill.IllRequest;
import org.tongjie.ill.IllService;
import org.tongjie.ill.IllegalTransitionException;
import org.tongjie.ill.LoanRuleException;
import org.tongjie.ill.Pickup;
import org.tongjie.ill.RequestEvent;
import org.tongjie.ill.RequestState;
import org.tongjie.ill.iso18626.Iso18626.Confirmation;
import org.tongjie.ill.iso18626.Iso18626.ErrorType;
import org.tongjie.ill.iso18626.Iso18626.ReasonForMessage;
import org.tongjie.ill.iso18626.Iso18626.RequestingAgencyMessage;

/**
 * An agency's requestingAgencyMessage as the hub's moves: Cancel → CANCEL, Renew → RENEW (the lender's
 * policy decides), Received → LOAN (the loan starts at the agency's door), ShippedReturn → RETURN at the
 * lender. A cancel or renewal the hub cannot grant is confirmed and then answered "N" by a
 * supplyingAgencyMessage, as the standard has it; StatusRequest is answered the same way. Notification and
 * ShippedForward have no move in the hub and are refused with UnsupportedActionType.
 */
final class AgencyActions {
    private final IllService ill;
    private final StatusReports reports;
    private final Clock clock;

    AgencyActions(IllService ill, StatusReports reports, Clock clock) {
        this.ill = ill;
        this.reports = reports;
        this.clock = clock;
    }

    Confirmation act(RequestingAgencyMessage m, Agency agency) {
        var link = new AgencyLink(agency.symbol(), m.header().requestingAgencyRequestId());
        Optional<Long> id = ill.store().agencies().requestOf(link);
        if (id.isEmpty()) {
            return refuse(m, ErrorType.UnrecognisedDataValue, "requestingAgencyRequestId: request with a given ID not found"
                    + " (no request '" + link.agencyRequestId() + "' from " + agency.symbol() + ")");
        }
        long requestId = id.get();
        String actor = agency.actor();
        String note = m.note().orElse("");
        try {
            return switch (m.action()) {
                case Cancel -> answerOrRefuse(m, link, requestId, ReasonForMessage.CancelResponse,
                        () -> move(requestId, r -> ill.act(r.id(), r.version(), Command.of(Action.CANCEL), actor, note)));
                case Renew -> answerOrRefuse(m, link, requestId, ReasonForMessage.RenewResponse,
                        () -> move(requestId, r -> ill.renew(r.id(), r.version(), actor)));
                case StatusRequest -> {
                    enqueueAnswer(link, requestId, ReasonForMessage.StatusRequestResponse, true, Optional.empty());
                    yield Confirmation.ok(m, clock.instant());
                }
                case Received -> {
                    move(requestId, r -> received(r, actor));
                    yield Confirmation.ok(m, clock.instant());
                }
                case ShippedReturn -> {
                    move(requestId, r -> ill.act(r.id(), r.version(), Command.returnAt(new Pickup.AtServicePoint(
                            r.progress().lender().orElseThrow(), Pickup.Kind.BRANCH)), actor, note));
                    yield Confirmation.ok(m, clock.instant());
                }
                case Notification, ShippedForward -> refuse(m, ErrorType.UnsupportedActionType, m.action()
                        + " is not supported by this hub: it has no move for it (supported: Cancel, Renew, Received, "
                        + "ShippedReturn, StatusRequest)");
            };
        } catch (IllegalTransitionException e) {
            return refuse(m, ErrorType.UnrecognisedDataValue, "action: " + m.action() + " does not fit request "
                    + link.agencyRequestId() + " now: " + e.getMessage());
        }
    }

    /** The copy reached the agency: if the courier's departure was not scanned, it has departed too. */
    private IllRequest received(IllRequest r, String actor) {
        if (r.serviceType() == org.tongjie.ill.ServiceType.COPY) {
            return ill.act(r.id(), r.version(), Command.of(Action.COMPLETE), actor, "received");
        }
        IllRequest at = r.state() == RequestState.SHIPPED
                ? ill.act(r.id(), r.version(), Command.of(Action.DEPART), actor, "received, so it had left") : r;
        return ill.loan(at.id(), at.version(), actor);
    }

    /** Cancel and Renew are always confirmed; the answer (Y by the move's own report, or N here) follows. */
    private Confirmation answerOrRefuse(RequestingAgencyMessage m, AgencyLink link, long requestId,
                                        ReasonForMessage reason, Runnable attempt) {
        try {
            attempt.run();
        } catch (IllegalTransitionException | LoanRuleException e) {
            enqueueAnswer(link, requestId, reason, false, Optional.of(e.getMessage()));
        }
        return Confirmation.ok(m, clock.instant());
    }

    private void enqueueAnswer(AgencyLink link, long requestId, ReasonForMessage reason, boolean yes, Optional<String> note) {
        IllRequest r = ill.store().find(requestId).orElseThrow();
        List<RequestEvent> events = ill.store().events(requestId);
        ill.store().outbox().enqueue(requestId, reports.answer(r, link, reason, yes, events.getLast(), clock.instant(), note));
    }

    private IllRequest move(long requestId, java.util.function.Function<IllRequest, IllRequest> step) {
        return SupplyingAgency.retrying(() -> step.apply(ill.store().find(requestId).orElseThrow()));
    }

    private Confirmation refuse(RequestingAgencyMessage m, ErrorType type, String value) {
        return Confirmation.error(m, clock.instant(), type, value);
    }
}
