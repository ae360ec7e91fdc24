package org.tongjie.ill.iso18626;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tongjie.ill.iso18626.Iso18626.ErrorType;
import org.tongjie.ill.iso18626.Iso18626Reader.Parsed;

/** Every real message from crosslink is read or refused with the schema's right error type, never an exception. */
class Iso18626ReaderTest {
    static final Iso18626Reader READER = new Iso18626Reader(Iso18626Schema.fromClasspath());

    /** The messages refused, and why; every other one is accepted. */
    private static final Map<String, ErrorType> REFUSED = Map.of(
            "msg-invalid.xml", ErrorType.BadlyFormedMessage, // ISO18626Message with no message in it
            "reqmsg-invalid-action.xml", ErrorType.UnsupportedActionType, // WeCancelThisMessage
            "supmsg-invalid-reason.xml", ErrorType.UnsupportedReasonForMessageType, // NoGoodReason
            "supmsg-invalid-status.xml", ErrorType.UnrecognisedDataValue, // WeCouldLoan
            "reqmsg-no-reqid.xml", ErrorType.UnrecognisedDataValue, // schema-valid, but no request id to act on
            "supmsg-no-reqid.xml", ErrorType.UnrecognisedDataValue,
            "request-no-reqid.xml", ErrorType.UnrecognisedDataValue,
            "example.xml", ErrorType.UnrecognisedDataValue); // illmock's request form: an empty request id to fill in

    static List<Path> messages() {
        return Crosslink.messages();
    }

    @Test
    void allThirtyFourMessagesAreThere() {
        assertEquals(34, messages().size(), messages().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void eachRealMessageIsAcceptedOrRefusedWithTheRightErrorType(Path file) throws Exception {
        Parsed parsed = READER.read(Files.readAllBytes(file));
        String name = file.getFileName().toString();
        if (REFUSED.containsKey(name)) {
            var refused = assertInstanceOf(Parsed.Refused.class, parsed, name);
            assertEquals(REFUSED.get(name), refused.error().type(), refused.error().value());
            assertFalse(refused.error().value().isBlank());
        } else {
            var accepted = assertInstanceOf(Parsed.Accepted.class, parsed, () -> name + ": " + parsed);
            Class<?> expected = name.startsWith("supmsg") ? Iso18626.SupplyingAgencyMessage.class
                    : name.startsWith("reqmsg") ? Iso18626.RequestingAgencyMessage.class : Iso18626.Request.class;
            assertInstanceOf(expected, accepted.message(), name);
        }
    }

    @Test
    void aRequestIsReadIntoItsValues() throws Exception {
        var request = (Iso18626.Request) accepted("broker/test/testdata/request-loaned.xml");
        assertEquals("ISIL:REQ", request.header().requestingAgencyId().symbol());
        assertEquals("ISIL:BROKER", request.header().supplyingAgencyId().symbol());
        assertEquals("5636c993-c41c-48f4-a285-470545f6f343", request.header().requestingAgencyRequestId());
        assertEquals(java.time.Instant.parse("2024-11-28T10:25:11.136Z"), request.header().timestamp());
        assertEquals(Optional.of("LOANED"), request.bibliographic().supplierUniqueRecordId());
        assertEquals(Optional.of("1983"), request.bibliographic().isbn());
        assertEquals(Optional.of("Lord of the Rings"), request.bibliographic().title());
        assertEquals(Optional.of("The Prancing Pony Inn, Bree"), request.deliveryAddress());
        assertEquals(Optional.of("123"), request.patronId());
        assertEquals(Iso18626.ServiceType.Loan, request.serviceType());
    }

    @Test
    void anyPrefixForTheNamespaceWorks() throws Exception {
        var request = (Iso18626.Request) accepted("illmock/examples/renew-req.xml"); // tag0: prefixes
        assertEquals("js-test-1017", request.header().requestingAgencyRequestId());
        assertEquals(Optional.of("#RENEW#"), request.note());
    }

    @Test
    void supplyingAndRequestingAgencyMessagesAreReadIntoTheirValues() throws Exception {
        var sup = (Iso18626.SupplyingAgencyMessage) accepted("broker/test/testdata/supmsg-ok.xml");
        assertEquals(Iso18626.Status.Loaned, sup.status());
        assertEquals(Iso18626.ReasonForMessage.StatusChange, sup.reason());
        assertEquals(Optional.of("12345"), sup.delivery().flatMap(Iso18626.Delivery::itemId));
        var req = (Iso18626.RequestingAgencyMessage) accepted("broker/test/testdata/reqmsg-ok.xml");
        assertEquals(Iso18626.Action.Cancel, req.action());
        assertEquals(Optional.of("c488bef0-5735-4c33-ba13-a9f343447574"), req.header().supplyingAgencyRequestId());
    }

    @Test
    void brokenInputIsRefusedNeverThrown() {
        assertRefused("not xml at all", ErrorType.BadlyFormedMessage);
        assertRefused("<ISO18626Message", ErrorType.BadlyFormedMessage);
        assertRefused("<a xmlns='urn:other'/>", ErrorType.BadlyFormedMessage);
        assertRefused("<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                + "<ISO18626Message xmlns='" + Iso18626.NAMESPACE + "'>&e;</ISO18626Message>", ErrorType.BadlyFormedMessage);
        String ok = Crosslink.read("broker/test/testdata/reqmsg-ok.xml");
        assertRefused(ok.replace("<action>Cancel</action>", "<action>Cancel</action><colour>blue</colour>"),
                ErrorType.UnrecognisedDataElement);
        assertRefused(ok.replace("<timestamp>2024-12-12T20:12:00.62959771Z</timestamp>", "<timestamp>yesterday</timestamp>"),
                ErrorType.UnrecognisedDataValue);
        assertRefused(ok.replace("<action>Cancel</action>", ""), ErrorType.BadlyFormedMessage);
    }

    @Test
    void aRefusalEchoesWhatCouldBeReadOfTheHeader() {
        var refused = (Parsed.Refused) READER.read(Crosslink.read("broker/test/testdata/reqmsg-invalid-action.xml")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Iso18626.Kind.REQUESTING_AGENCY_MESSAGE, refused.kind());
        assertEquals(Optional.of("reqid"), refused.echo().requestingAgencyRequestId());
        assertEquals("ISIL:SLNP_ONE", refused.echo().requestingAgencyId().orElseThrow().symbol());
        assertTrue(refused.error().value().contains("WeCancelThisMessage"), refused.error().value());
    }

    private static void assertRefused(String xml, ErrorType expected) {
        Parsed parsed = READER.read(xml.getBytes(StandardCharsets.UTF_8));
        var refused = assertInstanceOf(Parsed.Refused.class, parsed, xml);
        assertEquals(expected, refused.error().type(), refused.error().value());
    }

    private static Iso18626.Message accepted(String relative) throws Exception {
        Parsed parsed = READER.read(Files.readAllBytes(Crosslink.file(relative)));
        return assertInstanceOf(Parsed.Accepted.class, parsed, () -> parsed.toString()).message();
    }
}
