package org.tongjie.ill.iso18626;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ISO 18626 (v1.2) values: the three messages and their confirmations, parsed once at the edge by
 * {@link Iso18626Reader} and written by {@link Iso18626Writer}. Only the elements the hub acts on are kept;
 * the rest of a message is validated against the schema and then left alone. Enum constants are spelled
 * as in the schema, so that a constant's name is its wire value.
 */
public final class Iso18626 {
    private Iso18626() {}

    public static final String NAMESPACE = "http://illtransactions.org/2013/iso18626";
    public static final String VERSION = "1.2";

    /** The three messages, each with the name of the confirmation that answers it. */
    public enum Kind {
        REQUEST("request", "requestConfirmation"),
        SUPPLYING_AGENCY_MESSAGE("supplyingAgencyMessage", "supplyingAgencyMessageConfirmation"),
        REQUESTING_AGENCY_MESSAGE("requestingAgencyMessage", "requestingAgencyMessageConfirmation");

        final String element;
        final String confirmation;

        Kind(String element, String confirmation) {
            this.element = element;
            this.confirmation = confirmation;
        }

        static Optional<Kind> ofElement(String name) {
            for (Kind k : values()) {
                if (k.element.equals(name)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public enum ServiceType { Copy, Loan, CopyOrLoan }

    public enum RequestType { New, Retry, Reminder }

    public enum Status {
        RequestReceived, ExpectToSupply, WillSupply, Loaned, Overdue, Recalled, RetryPossible, Unfilled,
        CopyCompleted, LoanCompleted, CompletedWithoutReturn, Cancelled
    }

    public enum ReasonForMessage { RequestResponse, StatusRequestResponse, RenewResponse, CancelResponse, StatusChange, Notification }

    public enum Action { StatusRequest, Received, Cancel, Renew, ShippedReturn, ShippedForward, Notification }

    public enum ErrorType {
        UnsupportedActionType, UnsupportedReasonForMessageType, UnrecognisedDataElement, UnrecognisedDataValue,
        BadlyFormedMessage
    }

    public enum MessageStatus { OK, ERROR }

    /** An agency's id: agencyIdType (e.g. ISIL) and agencyIdValue. */
    public record AgencyId(String type, String value) {
        /** type:value, the agency's key in the hub. */
        public String symbol() {
            return type + ":" + value;
        }
    }

    /** requestingAgencyAuthentication: the agency's account and shared secret. */
    public record Authentication(Optional<String> accountId, Optional<String> securityCode) {
        @Override
        public String toString() {
            return "Authentication[accountId=" + accountId.orElse("") + ", securityCode=***]";
        }
    }

    /** The header of every message. multipleItemRequestId is not used by the hub and written empty. */
    public record Header(AgencyId supplyingAgencyId, AgencyId requestingAgencyId, Instant timestamp,
                         String requestingAgencyRequestId, Optional<String> supplyingAgencyRequestId,
                         Optional<Authentication> authentication) {}

    /** One bibliographicItemId: an identifier and its code (ISBN, ISSN, …). */
    public record ItemId(String code, String identifier) {}

    public record Bibliographic(Optional<String> supplierUniqueRecordId, Optional<String> title, Optional<String> author,
                                List<ItemId> itemIds) {
        public Optional<String> isbn() {
            return itemIds.stream().filter(i -> i.code().equalsIgnoreCase("ISBN")).map(ItemId::identifier)
                    .filter(s -> !s.isBlank()).findFirst();
        }
    }

    /** deliveryInfo of a supplyingAgencyMessage: when it was sent, which item, how. */
    public record Delivery(Instant dateSent, Optional<String> itemId, Optional<String> sentVia) {}

    /** A message of any of the three kinds. */
    public sealed interface Message permits Request, SupplyingAgencyMessage, RequestingAgencyMessage {
        Header header();

        Kind kind();
    }

    /**
     * @param deliveryAddress the first physical address of requestedDeliveryInfo, its lines joined
     */
    public record Request(Header header, Bibliographic bibliographic, RequestType requestType, ServiceType serviceType,
                          Optional<String> note, Optional<String> deliveryAddress, Optional<String> patronId)
            implements Message {
        @Override
        public Kind kind() {
            return Kind.REQUEST;
        }
    }

    public record SupplyingAgencyMessage(Header header, ReasonForMessage reason, Optional<Boolean> answerYes,
                                         Optional<String> note, Optional<String> reasonUnfilled, Status status,
                                         Optional<Instant> dueDate, Instant lastChange, Optional<Delivery> delivery)
            implements Message {
        @Override
        public Kind kind() {
            return Kind.SUPPLYING_AGENCY_MESSAGE;
        }
    }

    public record RequestingAgencyMessage(Header header, Action action, Optional<String> note) implements Message {
        @Override
        public Kind kind() {
            return Kind.REQUESTING_AGENCY_MESSAGE;
        }
    }

    /** errorData: one of the schema's error types and what was wrong, for the sender to act on. */
    public record ErrorData(ErrorType type, String value) {}

    /**
     * What a confirmation echoes of the message it answers; every field may be missing when the message
     * could not be read.
     */
    public record Echo(Optional<AgencyId> supplyingAgencyId, Optional<AgencyId> requestingAgencyId,
                       Optional<String> requestingAgencyRequestId, Optional<Instant> timestamp) {
        public static final Echo NOTHING = new Echo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public static Echo of(Header h) {
            return new Echo(Optional.of(h.supplyingAgencyId()), Optional.of(h.requestingAgencyId()),
                    Optional.of(h.requestingAgencyRequestId()), Optional.of(h.timestamp()));
        }
    }

    /**
     * A confirmation: requestConfirmation, supplyingAgencyMessageConfirmation or
     * requestingAgencyMessageConfirmation, by {@code answers}.
     *
     * @param reason echoed in a supplyingAgencyMessageConfirmation
     * @param action echoed in a requestingAgencyMessageConfirmation
     */
    public record Confirmation(Kind answers, Echo echo, Instant timestamp, MessageStatus status,
                               Optional<ErrorData> error, Optional<ReasonForMessage> reason, Optional<Action> action) {
        public static Confirmation ok(Message m, Instant now) {
            return new Confirmation(m.kind(), Echo.of(m.header()), now, MessageStatus.OK, Optional.empty(),
                    m instanceof SupplyingAgencyMessage s ? Optional.of(s.reason()) : Optional.empty(),
                    m instanceof RequestingAgencyMessage r ? Optional.of(r.action()) : Optional.empty());
        }

        public static Confirmation error(Kind answers, Echo echo, Instant now, ErrorType type, String value) {
            return new Confirmation(answers, echo, now, MessageStatus.ERROR, Optional.of(new ErrorData(type, value)),
                    Optional.empty(), Optional.empty());
        }

        /** This message refused with {@code type}, echoing what the message says. */
        public static Confirmation error(Message m, Instant now, ErrorType type, String value) {
            return new Confirmation(m.kind(), Echo.of(m.header()), now, MessageStatus.ERROR,
                    Optional.of(new ErrorData(type, value)),
                    m instanceof SupplyingAgencyMessage s ? Optional.of(s.reason()) : Optional.empty(),
                    m instanceof RequestingAgencyMessage r ? Optional.of(r.action()) : Optional.empty());
        }
    }
}
