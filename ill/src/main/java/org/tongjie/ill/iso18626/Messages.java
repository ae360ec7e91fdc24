package org.tongjie.ill.iso18626;

import java.util.Optional;
import org.tongjie.ill.iso18626.Iso18626.Bibliographic;
import org.tongjie.ill.iso18626.Iso18626.Header;
import org.tongjie.ill.iso18626.Iso18626.ItemId;
import org.tongjie.ill.iso18626.Iso18626.Kind;
import org.tongjie.ill.iso18626.Iso18626.Message;
import org.w3c.dom.Element;

/** Schema-valid DOM elements to message values; the schema has already checked names and enumerations. */
final class Messages {
    private Messages() {}

    static Message of(Kind kind, Element body, Header header) {
        return switch (kind) {
            case REQUEST -> request(body, header);
            case SUPPLYING_AGENCY_MESSAGE -> supplyingAgencyMessage(body, header);
            case REQUESTING_AGENCY_MESSAGE -> new Iso18626.RequestingAgencyMessage(header,
                    Iso18626.Action.valueOf(Dom.text(body, "action").orElseThrow()), Dom.text(body, "note"));
        };
    }

    private static Iso18626.Request request(Element body, Header header) {
        Element bib = Dom.child(body, "bibliographicInfo").orElseThrow();
        var itemIds = Dom.children(bib, "bibliographicItemId").stream()
                .map(i -> new ItemId(Dom.text(i, "bibliographicItemIdentifierCode").orElse(""),
                        Dom.text(i, "bibliographicItemIdentifier").orElse("")))
                .toList();
        var bibliographic = new Bibliographic(Dom.text(bib, "supplierUniqueRecordId"), Dom.text(bib, "title"),
                Dom.text(bib, "author"), itemIds);
        Optional<Element> service = Dom.child(body, "serviceInfo");
        var requestType = service.flatMap(s -> Dom.text(s, "requestType")).map(Iso18626.RequestType::valueOf)
                .orElse(Iso18626.RequestType.New);
        var serviceType = service.flatMap(s -> Dom.text(s, "serviceType")).map(Iso18626.ServiceType::valueOf)
                .orElse(Iso18626.ServiceType.Loan);
        Optional<String> address = Dom.children(body, "requestedDeliveryInfo").stream()
                .flatMap(d -> Dom.child(d, "address").flatMap(a -> Dom.child(a, "physicalAddress")).stream())
                .map(Messages::addressLines).filter(s -> !s.isBlank()).findFirst();
        return new Iso18626.Request(header, bibliographic, requestType, serviceType, service.flatMap(s -> Dom.text(s, "note")),
                address, Dom.child(body, "patronInfo").flatMap(p -> Dom.text(p, "patronId")));
    }

    private static String addressLines(Element physical) {
        var parts = new java.util.ArrayList<String>();
        for (String name : new String[] {"line1", "line2", "locality", "postalCode", "region", "country"}) {
            Dom.text(physical, name).ifPresent(parts::add);
        }
        return String.join(", ", parts);
    }

    private static Iso18626.SupplyingAgencyMessage supplyingAgencyMessage(Element body, Header header) {
        Element info = Dom.child(body, "messageInfo").orElseThrow();
        Element status = Dom.child(body, "statusInfo").orElseThrow();
        var delivery = Dom.child(body, "deliveryInfo").map(d -> new Iso18626.Delivery(
                Iso18626Reader.instant(Dom.text(d, "dateSent").orElseThrow()), Dom.text(d, "itemId"), Dom.text(d, "sentVia")));
        return new Iso18626.SupplyingAgencyMessage(header,
                Iso18626.ReasonForMessage.valueOf(Dom.text(info, "reasonForMessage").orElseThrow()),
                Dom.text(info, "answerYesNo").map("Y"::equals), Dom.text(info, "note"), Dom.text(info, "reasonUnfilled"),
                Iso18626.Status.valueOf(Dom.text(status, "status").orElseThrow()),
                Dom.text(status, "dueDate").map(Iso18626Reader::instant),
                Iso18626Reader.instant(Dom.text(status, "lastChange").orElseThrow()), delivery);
    }

    static Iso18626.Confirmation confirmation(Kind answers, Element body) {
        Element h = Dom.child(body, "confirmationHeader").orElseThrow();
        var echo = new Iso18626.Echo(Dom.child(h, "supplyingAgencyId").map(Iso18626Reader::agency),
                Dom.child(h, "requestingAgencyId").map(Iso18626Reader::agency), Dom.text(h, "requestingAgencyRequestId"),
                Dom.text(h, "timestampReceived").map(Iso18626Reader::instant));
        var error = Dom.child(body, "errorData").map(e -> new Iso18626.ErrorData(
                Iso18626.ErrorType.valueOf(Dom.text(e, "errorType").orElseThrow()), Dom.text(e, "errorValue").orElse("")));
        return new Iso18626.Confirmation(answers, echo, Iso18626Reader.instant(Dom.text(h, "timestamp").orElseThrow()),
                Iso18626.MessageStatus.valueOf(Dom.text(h, "messageStatus").orElseThrow()), error,
                Dom.text(body, "reasonForMessage").map(Iso18626.ReasonForMessage::valueOf),
                Dom.text(body, "action").map(Iso18626.Action::valueOf));
    }
}
