package org.tongjie.ill.iso18626;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tongjie.ill.iso18626.Iso18626.AgencyId;
import org.tongjie.ill.iso18626.Iso18626.Confirmation;
import org.tongjie.ill.iso18626.Iso18626.Echo;
import org.tongjie.ill.iso18626.Iso18626.ErrorType;
import org.tongjie.ill.iso18626.Iso18626.Header;
import org.tongjie.ill.iso18626.Iso18626.Kind;
import org.tongjie.ill.iso18626.Iso18626Reader.Parsed;

/** What the writer writes is valid against the v1.2 schema and reads back as the same values. */
class Iso18626WriterTest {
    private static final Iso18626Reader READER = Iso18626ReaderTest.READER;
    private static final Instant T = Instant.parse("2025-03-01T08:00:00.125Z");
    private static final Header HEADER = new Header(new AgencyId("ISIL", "CN-TONGJIE"), new AgencyId("ISIL", "DE-1"),
            T, "req-42", Optional.of("17"), Optional.empty());

    @ParameterizedTest
    @EnumSource(Kind.class)
    void okConfirmationsOfEachKindAreValidAndReadBack(Kind kind) {
        var c = new Confirmation(kind, Echo.of(HEADER), T.plusSeconds(1), Iso18626.MessageStatus.OK, Optional.empty(),
                kind == Kind.SUPPLYING_AGENCY_MESSAGE ? Optional.of(Iso18626.ReasonForMessage.StatusChange) : Optional.empty(),
                kind == Kind.REQUESTING_AGENCY_MESSAGE ? Optional.of(Iso18626.Action.Renew) : Optional.empty());
        assertEquals(c, READER.readConfirmation(Iso18626Writer.write(c)));
    }

    @ParameterizedTest
    @EnumSource(ErrorType.class)
    void errorConfirmationsWithEachErrorTypeAreValid(ErrorType type) {
        var c = Confirmation.error(Kind.REQUEST, Echo.NOTHING, T, type, "what was wrong: <here> & there");
        Confirmation back = READER.readConfirmation(Iso18626Writer.write(c));
        assertEquals(Optional.of(new Iso18626.ErrorData(type, "what was wrong: <here> & there")), back.error());
        assertEquals(Iso18626.MessageStatus.ERROR, back.status());
        assertEquals(T, back.echo().timestamp().orElseThrow(), "timestampReceived falls back to now");
    }

    @Test
    void aSupplyingAgencyMessageWithEveryPartIsValidAndReadsBack() {
        var m = new Iso18626.SupplyingAgencyMessage(HEADER, Iso18626.ReasonForMessage.RenewResponse, Optional.of(true),
                Optional.of("续借成功 renewed"), Optional.empty(), Iso18626.Status.Loaned, Optional.of(T.plusSeconds(86_400 * 28)),
                T, Optional.of(new Iso18626.Delivery(T, Optional.of("39999000001"), Optional.of("SF Express SF123"))));
        assertEquals(new Parsed.Accepted(m), READER.read(Iso18626Writer.write(m)));
    }

    @Test
    void aMinimalSupplyingAgencyMessageIsValid() {
        var m = new Iso18626.SupplyingAgencyMessage(HEADER, Iso18626.ReasonForMessage.StatusChange, Optional.empty(),
                Optional.empty(), Optional.of("rota exhausted"), Iso18626.Status.Unfilled, Optional.empty(), T, Optional.empty());
        assertEquals(new Parsed.Accepted(m), READER.read(Iso18626Writer.write(m)));
    }

    @Test
    void aRequestingAgencyMessageWithAuthenticationIsValidAndReadsBack() {
        var header = new Header(HEADER.supplyingAgencyId(), HEADER.requestingAgencyId(), T, "req-42", Optional.of("17"),
                Optional.of(new Iso18626.Authentication(Optional.of("de-1"), Optional.of("s3cret-s3cret-s3cret"))));
        var m = new Iso18626.RequestingAgencyMessage(header, Iso18626.Action.ShippedReturn, Optional.of("by post"));
        assertEquals(new Parsed.Accepted(m), READER.read(Iso18626Writer.write(m)));
    }
}
