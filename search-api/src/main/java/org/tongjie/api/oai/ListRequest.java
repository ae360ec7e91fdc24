package org.tongjie.api.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.tongjie.store.PublishedUnions;

/**
 * What ListIdentifiers and ListRecords list: a format and a window of datestamps and set, from the arguments
 * or from a resumption token. A token is the window plus the (datestamp, id) of the last entry sent, so it
 * never expires and survives records changing in between: a changed record moves to a later datestamp and
 * comes again later in the same list.
 */
record ListRequest(MetadataFormat format, PublishedUnions.Window window) {
    private static final String SEPARATOR = "\n";

    static ListRequest of(Map<String, String> args) {
        if (args.containsKey("resumptionToken")) {
            if (args.size() > 1) {
                throw new OaiError(OaiError.Code.badArgument, "resumptionToken is an exclusive argument");
            }
            return decode(args.get("resumptionToken"));
        }
        String prefix = args.get("metadataPrefix");
        if (prefix == null) {
            throw new OaiError(OaiError.Code.badArgument, "metadataPrefix is required");
        }
        Optional<String> from = Optional.ofNullable(args.get("from"));
        Optional<String> until = Optional.ofNullable(args.get("until"));
        if (from.isPresent() && until.isPresent() && from.get().length() != until.get().length()) {
            throw new OaiError(OaiError.Code.badArgument, "from and until must have the same granularity");
        }
        Optional<Instant> start = from.map(f -> time(f, false));
        Optional<Instant> end = until.map(u -> time(u, true));
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            throw new OaiError(OaiError.Code.badArgument, "from (" + from.get() + ") is after until (" + until.get() + ")");
        }
        var format = MetadataFormat.of(prefix);
        return new ListRequest(format, new PublishedUnions.Window(start, end, Optional.ofNullable(args.get("set")), Optional.empty()));
    }

    /** YYYY-MM-DD (until: to the end of that day) or YYYY-MM-DDThh:mm:ssZ. */
    static Instant time(String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(endOfDay ? 1 : 0);
            }
            if (value.length() == 20 && value.endsWith("Z")) {
                return Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw notADate(value);
        }
        throw notADate(value);
    }

    private static OaiError notADate(String value) {
        return new OaiError(OaiError.Code.badArgument, "'" + value + "' is not a date: from and until take a day as YYYY-MM-DD"
                + " (e.g. 2024-05-31) or a UTC time as YYYY-MM-DDThh:mm:ssZ (e.g. 2024-05-31T08:00:00Z)");
    }

    ListRequest after(PublishedUnions.Cursor cursor) {
        return new ListRequest(format, new PublishedUnions.Window(window.from(), window.until(), window.library(),
                Optional.of(cursor)));
    }

    String token() {
        var cursor = window.after().orElseThrow();
        String text = String.join(SEPARATOR, format.prefix, window.from().map(Instant::toString).orElse(""),
                window.until().map(Instant::toString).orElse(""), window.library().orElse(""),
                cursor.datestamp().toString(), cursor.unionId());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ListRequest decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (parts.length == 6) {
                return new ListRequest(MetadataFormat.of(parts[0]), new PublishedUnions.Window(
                        optionalInstant(parts[1]), optionalInstant(parts[2]), Optional.of(parts[3]).filter(s -> !s.isEmpty()),
                        Optional.of(new PublishedUnions.Cursor(Instant.parse(parts[4]), parts[5]))));
            }
        } catch (IllegalArgumentException | DateTimeParseException | OaiError e) {
            throw notAToken(token);
        }
        throw notAToken(token);
    }

    private static OaiError notAToken(String token) {
        return new OaiError(OaiError.Code.badResumptionToken, "'" + token + "' is not a resumption token of this hub:"
                + " send the one the previous page ended with, as it came");
    }

    private static Optional<Instant> optionalInstant(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
    }
}
