package org.tongjie.harvest.oai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/** The finest datestamp a repository supports, as its Identify response declares. */
public enum Granularity {
    DAY("YYYY-MM-DD"),
    SECOND("YYYY-MM-DDThh:mm:ssZ");

    private final String wire;

    Granularity(String wire) {
        this.wire = wire;
    }

    /** The instant as a {@code from}/{@code until} argument this repository accepts (UTC; a day is truncated). */
    public String format(Instant instant) {
        return switch (this) {
            case DAY -> LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
            case SECOND -> instant.truncatedTo(ChronoUnit.SECONDS).toString();
        };
    }

    static Optional<Granularity> fromWire(String value) {
        return Arrays.stream(values()).filter(g -> g.wire.equals(value)).findFirst();
    }
}
