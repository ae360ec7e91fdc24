package org.tongjie.ill.iso18626;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tongjie.ill.iso18626.Iso18626.AgencyId;
import org.tongjie.ill.iso18626.Iso18626.Confirmation;
import org.tongjie.ill.iso18626.Iso18626.Header;

/**
 * Writes ISO 18626 v1.2 XML, in the schema's element order, with the namespace as default and the
 * qualified {@code ill:version} attribute the schema asks for (attributeFormDefault="qualified").
 */
public final class Iso18626Writer {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Iso18626Writer() {}

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    public static byte[] write(Confirmation c) {
        return message(w -> {
            w.writeStartElement(c.answers().confirmation);
            w.writeStartElement("confirmationHeader");
            agency(w, "supplyingAgencyId", c.echo().supplyingAgencyId());
            agency(w, "requestingAgencyId", c.echo().requestingAgencyId());
            element(w, "timestamp", c.timestamp());
            optional(w, "requestingAgencyRequestId", c.echo().requestingAgencyRequestId());
            element(w, "timestampReceived", c.echo().timestamp().orElse(c.timestamp()));
            element(w, "messageStatus", c.status().name());
            w.writeEndElement();
            optional(w, "reasonForMessage", c.reason().map(Enum::name));
            optional(w, "action", c.action().map(Enum::name));
            if (c.error().isPresent()) {
                w.writeStartElement("errorData");
                element(w, "errorType", c.error().get().type().name());
                element(w, "errorValue", c.error().get().value());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    public static byte[] write(Iso18626.SupplyingAgencyMessage m) {
        return message(w -> {
            w.writeStartElement("supplyingAgencyMessage");
            header(w, m.header());
            w.writeStartElement("messageInfo");
            element(w, "reasonForMessage", m.reason().name());
            optional(w, "answerYesNo", m.answerYes().map(yes -> yes ? "Y" : "N"));
            optional(w, "note", m.note());
            optional(w, "reasonUnfilled", m.reasonUnfilled());
            w.writeEndElement();
            w.writeStartElement("statusInfo");
            element(w, "status", m.status().name());
            optional(w, "dueDate", m.dueDate().map(Instant::toString));
            element(w, "lastChange", m.lastChange());
            w.writeEndElement();
            if (m.delivery().isPresent()) {
                w.writeStartElement("deliveryInfo");
                element(w, "dateSent", m.delivery().get().dateSent());
                optional(w, "itemId", m.delivery().get().itemId());
                optional(w, "sentVia", m.delivery().get().sentVia());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    public static byte[] write(Iso18626.RequestingAgencyMessage m) {
        return message(w -> {
            w.writeStartElement("requestingAgencyMessage");
            header(w, m.header());
            element(w, "action", m.action().name());
            optional(w, "note", m.note());
            w.writeEndElement();
        });
    }

    private static byte[] message(Body body) {
        var out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(Iso18626.NAMESPACE);
            w.setPrefix("ill", Iso18626.NAMESPACE);
            w.writeStartElement(Iso18626.NAMESPACE, "ISO18626Message");
            w.writeDefaultNamespace(Iso18626.NAMESPACE);
            w.writeNamespace("ill", Iso18626.NAMESPACE);
            w.writeAttribute("ill", Iso18626.NAMESPACE, "version", Iso18626.VERSION);
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing ISO 18626 XML to memory failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void header(XMLStreamWriter w, Header h) throws XMLStreamException {
        w.writeStartElement("header");
        agency(w, "supplyingAgencyId", Optional.of(h.supplyingAgencyId()));
        agency(w, "requestingAgencyId", Optional.of(h.requestingAgencyId()));
        element(w, "multipleItemRequestId", "");
        element(w, "timestamp", h.timestamp());
        element(w, "requestingAgencyRequestId", h.requestingAgencyRequestId());
        optional(w, "supplyingAgencyRequestId", h.supplyingAgencyRequestId());
        if (h.authentication().isPresent()) {
            w.writeStartElement("requestingAgencyAuthentication");
            optional(w, "accountId", h.authentication().get().accountId());
            optional(w, "securityCode", h.authentication().get().securityCode());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void agency(XMLStreamWriter w, String name, Optional<AgencyId> id) throws XMLStreamException {
        if (id.isPresent()) {
            w.writeStartElement(name);
            element(w, "agencyIdType", id.get().type());
            element(w, "agencyIdValue", id.get().value());
            w.writeEndElement();
        }
    }

    private static void optional(XMLStreamWriter w, String name, Optional<String> text) throws XMLStreamException {
        if (text.isPresent()) {
            element(w, name, text.get());
        }
    }

    private static void element(XMLStreamWriter w, String name, Instant time) throws XMLStreamException {
        element(w, name, time.toString());
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
