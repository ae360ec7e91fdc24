package org.tongjie.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.tongjie.api.HubSettings;
import org.tongjie.api.ill.IllHttp;
import org.tongjie.ill.iso18626.Iso18626;

/**
 * Every setting an operator can give: its key in {@code tongjie.toml} (a dot is a table), its environment
 * variable ({@code TONGJIE_} and the key in capitals, dots and dashes as underscores), its command-line flag
 * if it has one, its default ("" for none), what values it allows and how its text is read.
 */
enum Setting {
    DATA_DIR("data-dir", Kind.PATH, "data", "--data", "a directory path", Path::of),
    MEMBERS("members", Kind.PATH, "", "--members", "the path of a member directory file (harvester/README.md)", Path::of),
    DEMO("demo", Kind.BOOLEAN, "true", "--no-demo", "true or false", Setting::bool),
    DEMO_RECORDS("demo-records", Kind.PATH, "", null,
            "the directory of the shared real record files the demo's first start spreads over its members"
                    + " (pool/, koha-misc4dev/, marc4j-test-resources/; ./tongjie run gives ../shared/data)", Path::of),
    STORE("store", Kind.SECRET, "", "--store",
            "a PostgreSQL JDBC URL, jdbc:postgresql://HOST:PORT/DATABASE (credentials as user= and password= in it,"
                    + " or PGUSER and PGPASSWORD); default: catalog.db in the data directory", Setting::storeUrl),
    STAFF_KEY("staff-key", Kind.SECRET, "", null, "at least 16 characters (default: the data directory's staff.key)",
            Setting::staffKey),
    HTTP_PORT("http.port", Kind.NUMBER, "7070", "--port", "a port number from 0 (any free port) to 65535",
            Setting::port),
    HTTP_MAX_UPLOAD_SIZE("http.max-upload-size", Kind.TEXT, "1MiB", null,
            "a size of at least 1KiB, in bytes or with KiB, MiB or GiB (e.g. 64MiB)", Setting::size),
    Z3950_ENABLED("z3950.enabled", Kind.BOOLEAN, "true", "--no-z3950", "true or false", Setting::bool),
    Z3950_PORT("z3950.port", Kind.NUMBER, "2100", "--z3950-port", "a port number from 1 to 65535, or 0 for off",
            Setting::port),
    HARVEST_SCHEDULER_TICK("harvest.scheduler-tick", Kind.TEXT, "30s", null,
            "a duration from 1s to 1h (e.g. 30s, 5m)", text -> duration(text, Duration.ofSeconds(1), Duration.ofHours(1))),
    ILL_AGENCY_ID("ill.agency-id", Kind.TEXT, IllHttp.HUB_AGENCY.symbol(), null,
            "the hub's ISO 18626 agency id as TYPE:VALUE (e.g. ISIL:CN-TONGJIE)", Setting::agencyId),
    ILL_JOB_INTERVAL("ill.job-interval", Kind.TEXT, "1m", null,
            "whole minutes from 1m to 24h (e.g. 5m, 1h)", Setting::wholeMinutes),
    ILL_DELIVERY_TIMEOUT("ill.delivery-timeout", Kind.TEXT, "10s", null,
            "a duration from 1s to 5m (e.g. 10s)", text -> duration(text, Duration.ofSeconds(1), Duration.ofMinutes(5))),
    ILL_ALLOW_PRIVATE_WEBHOOKS("ill.allow-private-webhooks", Kind.BOOLEAN, "false", null, "true or false", Setting::bool),
    LIMITS_MAX_RECORD_SIZE("limits.max-record-size", Kind.TEXT, "8MiB", null,
            "a size of at least 1KiB, in bytes or with KiB, MiB or GiB (e.g. 8MiB)", Setting::size),
    LIMITS_MAX_FIELD_SIZE("limits.max-field-size", Kind.TEXT, "32KiB", null,
            "a size from 1KiB to max-record-size, in bytes or with KiB or MiB (e.g. 32KiB)", Setting::size),
    LIMITS_MAX_ID_LENGTH("limits.max-id-length", Kind.NUMBER, "256", null,
            "a number of bytes from 16 to 512", text -> between(text, 16, 512)),
    OAI_ADMIN_EMAIL("oai.admin-email", Kind.TEXT, HubSettings.DEFAULTS.oaiAdminEmail(), null,
            "an e-mail address (e.g. catalogue@library.example)", Setting::email),
    OAI_REPOSITORY_NAME("oai.repository-name", Kind.TEXT, HubSettings.DEFAULTS.oaiRepositoryName(), null,
            "a name that is not blank", Setting::notBlank);

    /** How a value is written back (quoted or not) and whether it may be shown. */
    enum Kind { TEXT, PATH, NUMBER, BOOLEAN, SECRET }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)(|KiB|MiB|GiB)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    final String key;
    final Kind kind;
    final String defaultText;
    final Optional<String> flag;
    final String allowed;
    private final Function<String, Object> reader;

    Setting(String key, Kind kind, String defaultText, String flag, String allowed, Function<String, Object> reader) {
        this.key = key;
        this.kind = kind;
        this.defaultText = defaultText;
        this.flag = Optional.ofNullable(flag);
        this.allowed = allowed;
        this.reader = reader;
    }

    String env() {
        return "TONGJIE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Settings without a default may be left out; the others always have a value. */
    boolean optional() {
        return defaultText.isEmpty();
    }

    /** The value of {@code text}; an IllegalArgumentException says the text is not allowed. */
    Object read(String text) {
        return reader.apply(text.strip());
    }

    static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    static Optional<Setting> byEnv(String name) {
        return Arrays.stream(values()).filter(s -> s.env().equals(name)).findFirst();
    }

    /** Whether {@code prefix} is a table of tongjie.toml, such as {@code http}. */
    static boolean isTable(String prefix) {
        return Arrays.stream(values()).anyMatch(s -> s.key.startsWith(prefix + "."));
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        };
    }

    private static int port(String text) {
        int port = number(text);
        if (port > 65_535) {
            throw new IllegalArgumentException();
        }
        return port;
    }

    private static int between(String text, int min, int max) {
        int n = number(text);
        if (n < min || n > max) {
            throw new IllegalArgumentException();
        }
        return n;
    }

    private static int number(String text) {
        if (!text.matches("\\d{1,9}")) {
            throw new IllegalArgumentException();
        }
        return Integer.parseInt(text);
    }

    private static long size(String text) {
        var m = SIZE.matcher(text);
        if (!m.matches() || m.group(1).length() > 12) {
            throw new IllegalArgumentException();
        }
        long unit = switch (m.group(2)) {
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            default -> 1;
        };
        long bytes = Long.parseLong(m.group(1)) * unit;
        if (bytes < 1024 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException();
        }
        return bytes;
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}, {@code 500ms}, {@code 2d}, or ISO 8601 ({@code PT30S}). */
    static Duration duration(String text, Duration min, Duration max) {
        Duration d = parseDuration(text);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException();
        }
        return d;
    }

    private static Duration parseDuration(String text) {
        var m = DURATION.matcher(text);
        if (m.matches() && m.group(1).length() <= 9) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The ILL jobs run on a minute schedule. */
    private static Duration wholeMinutes(String text) {
        Duration d = duration(text, Duration.ofMinutes(1), Duration.ofHours(24));
        if (d.toSecondsPart() != 0 || d.toNanosPart() != 0) {
            throw new IllegalArgumentException();
        }
        return d;
    }

    private static Iso18626.AgencyId agencyId(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || colon == text.length() - 1 || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException();
        }
        return new Iso18626.AgencyId(text.substring(0, colon), text.substring(colon + 1));
    }

    private static String email(String text) {
        if (!EMAIL.matcher(text).matches()) {
            throw new IllegalArgumentException();
        }
        return text;
    }

    private static String notBlank(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException();
        }
        return text;
    }

    private static HubConfig.Secret storeUrl(String text) {
        if (!text.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException();
        }
        return new HubConfig.Secret(text);
    }

    private static HubConfig.Secret staffKey(String text) {
        if (text.length() < 16 || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException();
        }
        return new HubConfig.Secret(text);
    }
}
