package org.tongjie.catalog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's Z39.50 target, searched at query time ("live") instead of harvested. Written as one line,
 * {@code host:port/database?syntax=USMARC&timeoutMs=3000}, which is how the directory stores it.
 *
 * @param host     a host name or IPv4 address
 * @param port     the TCP port, 1 to 65535
 * @param database the database name, e.g. "Default"
 * @param syntax   the MARC flavour to ask for, which is also how its records are read
 * @param timeout  how long a search may take before the hub answers without this member (at most a minute,
 *                 so one dead target cannot hold a reader's search for long)
 */
public record LiveTarget(String host, int port, String database, Syntax syntax, Duration timeout) {

    /** The record syntaxes a live member may be asked for: the two MARC families we normalise. */
    public enum Syntax { USMARC, UNIMARC }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);
    /** Host and database go into a ZURL and into this spec: no blanks and none of the spec's separators. */
    private static final Pattern NAME = Pattern.compile("[^\\s/:?&=]+");
    private static final Pattern SPEC = Pattern.compile("([^:/?]+):([0-9]{1,5})/([^?]+)(?:\\?(.*))?");

    public LiveTarget {
        requireName(Objects.requireNonNull(host, "host"), "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("live target port must be 1 to 65535, was " + port);
        }
        requireName(Objects.requireNonNull(database, "database"), "database");
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("live target timeout must be over 0 and at most " + MAX_TIMEOUT
                    + ", was " + timeout);
        }
    }

    /** USMARC with the default timeout. */
    public static LiveTarget of(String host, int port, String database) {
        return new LiveTarget(host, port, database, Syntax.USMARC, DEFAULT_TIMEOUT);
    }

    public LiveTarget withSyntax(Syntax newSyntax) {
        return new LiveTarget(host, port, database, newSyntax, timeout);
    }

    public LiveTarget withTimeout(Duration newTimeout) {
        return new LiveTarget(host, port, database, syntax, newTimeout);
    }

    /**
     * Reads {@code host:port/database?syntax=USMARC&timeoutMs=3000}; both options may be left out (USMARC,
     * {@link #DEFAULT_TIMEOUT}).
     *
     * @throws IllegalArgumentException quoting the spec and saying what is wrong with it
     */
    public static LiveTarget parse(String spec) {
        Matcher m = SPEC.matcher(Objects.requireNonNull(spec, "spec").strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("live target must be host:port/database?syntax=USMARC&timeoutMs=3000,"
                    + " was '" + spec + "'");
        }
        Map<String, String> options = options(spec, m.group(4) == null ? "" : m.group(4));
        try {
            Syntax syntax = Syntax.valueOf(options.getOrDefault("syntax", Syntax.USMARC.name()));
            Duration timeout = options.containsKey("timeoutMs")
                    ? Duration.ofMillis(Long.parseLong(options.get("timeoutMs"))) : DEFAULT_TIMEOUT;
            return new LiveTarget(m.group(1), Integer.parseInt(m.group(2)), m.group(3), syntax, timeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad live target '" + spec + "': " + e.getMessage()
                    + " (syntax is USMARC or UNIMARC, timeoutMs a number of milliseconds)", e);
        }
    }

    /** The spec {@link #parse} reads back to this target. */
    public String spec() {
        return host + ":" + port + "/" + database + "?syntax=" + syntax + "&timeoutMs=" + timeout.toMillis();
    }

    private static Map<String, String> options(String spec, String query) {
        var options = new LinkedHashMap<String, String>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || !(kv[0].equals("syntax") || kv[0].equals("timeoutMs"))) {
                throw new IllegalArgumentException("bad live target '" + spec + "': '" + pair
                        + "' is not syntax=USMARC|UNIMARC or timeoutMs=N");
            }
            options.put(kv[0], kv[1]);
        }
        return options;
    }

    private static void requireName(String value, String what) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("live target " + what + " must match " + NAME + ", was '" + value + "'");
        }
    }
}
