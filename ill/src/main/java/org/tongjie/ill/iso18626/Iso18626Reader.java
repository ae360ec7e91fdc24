package org.tongjie.ill.iso18626;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.tongjie.ill.iso18626.Iso18626.AgencyId;
import org.tongjie.ill.iso18626.Iso18626.Echo;
import org.tongjie.ill.iso18626.Iso18626.ErrorData;
import org.tongjie.ill.iso18626.Iso18626.ErrorType;
import org.tongjie.ill.iso18626.Iso18626.Header;
import org.tongjie.ill.iso18626.Iso18626.Kind;
import org.tongjie.ill.iso18626.Iso18626.Message;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Reads ISO 18626 XML (namespace {@value Iso18626#NAMESPACE}, any prefix): checks it against the v1.2
 * schema and turns it into {@link Iso18626} values, or says which of the schema's error types it is and why.
 * Never throws for bad input. Thread-safe.
 */
public final class Iso18626Reader {
    private final Iso18626Schema schema;

    public Iso18626Reader(Iso18626Schema schema) {
        this.schema = schema;
    }

    /** What became of a message: accepted as a value, or refused with the error to answer. */
    public sealed interface Parsed {
        /** @param kind the kind of message it is, as far as can be told: which confirmation answers it */
        record Refused(Kind kind, Echo echo, ErrorData error) implements Parsed {}

        record Accepted(Message message) implements Parsed {}
    }

    /** Reads one message (request, supplyingAgencyMessage or requestingAgencyMessage). */
    public Parsed read(byte[] xml) {
        Document doc;
        try {
            doc = Dom.parse(xml);
        } catch (SAXException | IOException e) {
            return refused(Kind.REQUEST, Echo.NOTHING, ErrorType.BadlyFormedMessage, "not well-formed XML: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!Iso18626.NAMESPACE.equals(root.getNamespaceURI()) || !root.getLocalName().equals("ISO18626Message")) {
            return refused(Kind.REQUEST, Echo.NOTHING, ErrorType.BadlyFormedMessage, "the root element must be "
                    + "ISO18626Message in namespace " + Iso18626.NAMESPACE + ", was {" + root.getNamespaceURI() + "}"
                    + root.getLocalName());
        }
        Optional<Element> body = Dom.firstElement(root);
        Kind kind = body.flatMap(b -> Kind.ofElement(b.getLocalName())).orElse(Kind.REQUEST);
        Echo echo = body.flatMap(b -> Dom.child(b, "header")).map(Iso18626Reader::echo).orElse(Echo.NOTHING);
        if (body.isPresent() && body.get().getLocalName().endsWith("Confirmation")) {
            return refused(kind, echo, ErrorType.BadlyFormedMessage, body.get().getLocalName()
                    + " is an answer: it comes back in the HTTP response, it is not posted");
        }
        Optional<ErrorData> violation = schema.firstViolation(doc);
        if (violation.isPresent()) {
            return new Parsed.Refused(kind, echo, violation.get());
        }
        Element b = body.orElseThrow(); // the schema requires one
        Header header = header(Dom.child(b, "header").orElseThrow());
        if (header.requestingAgencyRequestId().isEmpty()) {
            return refused(kind, echo, ErrorType.UnrecognisedDataValue, "requestingAgencyRequestId: cannot be empty");
        }
        try {
            return new Parsed.Accepted(Messages.of(kind, b, header));
        } catch (DateTimeParseException e) {
            return refused(kind, echo, ErrorType.UnrecognisedDataValue, "a date and time the hub cannot read: "
                    + e.getParsedString());
        }
    }

    /**
     * Reads a confirmation that a peer sent back.
     *
     * @throws IllegalArgumentException if it is not a schema-valid confirmation, saying why
     */
    public Iso18626.Confirmation readConfirmation(byte[] xml) {
        Document doc;
        try {
            doc = Dom.parse(xml);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("the answer is not well-formed XML: " + e.getMessage(), e);
        }
        schema.firstViolation(doc).ifPresent(v -> {
            throw new IllegalArgumentException("the answer is not valid ISO 18626: " + v.type() + " " + v.value());
        });
        Element body = Dom.firstElement(doc.getDocumentElement()).orElseThrow();
        Kind answers = java.util.Arrays.stream(Kind.values()).filter(k -> k.confirmation.equals(body.getLocalName()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "the answer is a " + body.getLocalName() + ", not a confirmation"));
        return Messages.confirmation(answers, body);
    }

    private static Parsed refused(Kind kind, Echo echo, ErrorType type, String value) {
        return new Parsed.Refused(kind, echo, new ErrorData(type, value));
    }

    static Header header(Element h) {
        Optional<Iso18626.Authentication> auth = Dom.child(h, "requestingAgencyAuthentication")
                .map(a -> new Iso18626.Authentication(Dom.text(a, "accountId"), Dom.text(a, "securityCode")));
        return new Header(agency(Dom.child(h, "supplyingAgencyId").orElseThrow()),
                agency(Dom.child(h, "requestingAgencyId").orElseThrow()), instant(Dom.text(h, "timestamp").orElseThrow()),
                Dom.text(h, "requestingAgencyRequestId").orElse(""), Dom.text(h, "supplyingAgencyRequestId"), auth);
    }

    /** As much of the header as can be read from a message that may be broken. */
    private static Echo echo(Element h) {
        return new Echo(Dom.child(h, "supplyingAgencyId").flatMap(Iso18626Reader::lenientAgency),
                Dom.child(h, "requestingAgencyId").flatMap(Iso18626Reader::lenientAgency),
                Dom.text(h, "requestingAgencyRequestId"), Dom.text(h, "timestamp").flatMap(t -> {
                    try {
                        return Optional.of(instant(t));
                    } catch (DateTimeParseException e) {
                        return Optional.empty();
                    }
                }));
    }

    private static Optional<AgencyId> lenientAgency(Element e) {
        Optional<String> type = Dom.text(e, "agencyIdType");
        Optional<String> value = Dom.text(e, "agencyIdValue");
        return type.isPresent() && value.isPresent() ? Optional.of(new AgencyId(type.get(), value.get())) : Optional.empty();
    }

    static AgencyId agency(Element e) {
        return new AgencyId(Dom.text(e, "agencyIdType").orElse(""), Dom.text(e, "agencyIdValue").orElse(""));
    }

    /** An xs:dateTime; one without a time zone is taken as UTC. */
    static Instant instant(String text) {
        var t = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        return t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
    }
}
