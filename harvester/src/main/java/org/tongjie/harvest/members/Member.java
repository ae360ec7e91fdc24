package org.tongjie.harvest.members;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tongjie.catalog.Library;

/**
 * One member of the network as the directory file describes it: its directory entry (name, kind, place,
 * holdings mapping, live target), where its records come from, how often they are harvested, and the
 * SHA-256 of the API key it uploads with.
 *
 * <p>The key itself is never stored: the file holds {@code apiKeySha256}, the hex SHA-256 of the key, and
 * an upload's key is hashed and compared in constant time. Keys are random tokens of 128 bits or more
 * (not passwords a person picks), so a plain hash is as good as a slow one here, and the file can be
 * read, reviewed and versioned without handing out the keys.
 *
 * @param schedule how long after a harvest starts the next one is due; empty: harvested only on request
 */
public record Member(Library library, MemberSource source, Optional<Duration> schedule, Optional<String> apiKeySha256) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Member {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(apiKeySha256, "apiKeySha256");
        schedule.ifPresent(every -> {
            if (every.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("member " + library.id() + ": schedule must be a minute or more, was " + every);
            }
        });
        if (schedule.isPresent() && source instanceof MemberSource.Upload) {
            throw new IllegalArgumentException("member " + library.id() + " only uploads: a schedule needs an oai-pmh or z3950 source");
        }
        apiKeySha256.ifPresent(hash -> {
            if (!SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalArgumentException("member " + library.id()
                        + ": apiKeySha256 must be 64 lower-case hex digits (sha256sum of the key)");
            }
        });
    }

    public String id() {
        return library.id();
    }

    public boolean harvested() {
        return !(source instanceof MemberSource.Upload);
    }

    /** Whether {@code key} is this member's API key; false when the member has none. */
    public boolean acceptsKey(String key) {
        return apiKeySha256.map(expected -> MessageDigest.isEqual(
                HexFormat.of().parseHex(expected), sha256(key))).orElse(false);
    }

    /** The hex SHA-256 of a key, as the directory file holds it ({@code printf %s KEY | sha256sum}). */
    public static String hashKey(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
