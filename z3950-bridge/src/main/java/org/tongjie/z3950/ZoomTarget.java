package org.tongjie.z3950;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Z39.50 target and how to talk to it.
 *
 * @param host     a host name or IPv4 address
 * @param port     the TCP port, 1 to 65535 (210 is Z39.50's own)
 * @param database the database name, e.g. "Default" (Zebra, yaz-ztest); several joined by '+'
 * @param syntax   the record syntax to ask for
 * @param charset  the character set the target uses when it is not UTF-8, in YAZ's names ("marc8",
 *                 "gb18030", "iso-8859-1"): PQF query terms are converted to it (ZOOM "rpnCharset") and
 *                 records from it to UTF-8 (ZOOM_record_get "raw; charset=..,utf-8"), which re-encodes ISO
 *                 2709. Empty: terms go as UTF-8 and records come as sent. Z39.50 character set negotiation
 *                 (ZOOM "charset") is not asked for; converting on our side also works with targets that do
 *                 not negotiate.
 * @param timeout  how long to wait for the target each time we wait for it (ZOOM "timeout", whole seconds,
 *                 rounded up); an unreachable target fails with ZOOM-C 10000 or 10007 within it
 */
public record ZoomTarget(String host, int port, String database, RecordSyntax syntax, Optional<String> charset,
                         Duration timeout) {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Host and database go into a ZURL (host:port/database): no blanks, no slashes. */
    private static final Pattern ZURL_PART = Pattern.compile("[^\\s/]+");
    /** A charset goes into a ZOOM type spec ("raw; charset=X,utf-8"), where ';', ',' and blanks are syntax. */
    private static final Pattern CHARSET = Pattern.compile("[A-Za-z0-9._:-]+");

    public ZoomTarget {
        requireMatch(ZURL_PART, Objects.requireNonNull(host, "host"), "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
        requireMatch(ZURL_PART, Objects.requireNonNull(database, "database"), "database");
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(charset, "charset").ifPresent(name -> requireMatch(CHARSET, name, "charset"));
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be positive and under 2^31 s, was " + timeout);
        }
    }

    /** USMARC as sent, no charset conversion, a 30 s timeout. */
    public static ZoomTarget of(String host, int port, String database) {
        return new ZoomTarget(host, port, database, RecordSyntax.USMARC, Optional.empty(), DEFAULT_TIMEOUT);
    }

    public ZoomTarget withSyntax(RecordSyntax newSyntax) {
        return new ZoomTarget(host, port, database, newSyntax, charset, timeout);
    }

    public ZoomTarget withCharset(String newCharset) {
        return new ZoomTarget(host, port, database, syntax, Optional.of(newCharset), timeout);
    }

    public ZoomTarget withTimeout(Duration newTimeout) {
        return new ZoomTarget(host, port, database, syntax, charset, newTimeout);
    }

    /** host:port/database, as errors and logs name the target. */
    public String zurl() {
        return host + ":" + port + "/" + database;
    }

    /** ZOOM counts whole seconds; a sub-second timeout becomes one second rather than none. */
    long timeoutSeconds() {
        return timeout.plusNanos(999_999_999).toSeconds();
    }

    private static void requireMatch(Pattern pattern, String value, String what) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + pattern + ", was '" + value + "'");
        }
    }
}
