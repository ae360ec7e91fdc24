package org.tongjie.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.CredentialCheck;

/**
 * The network staff's key for actions that change what every reader sees (splitting and merging union
 * records), sent as {@code Authorization: Bearer <key>} or {@code X-Api-Key}. On one machine it lives in {@code DATA/staff.key},
 * made on first start and readable only by the hub's user, so nothing needs configuring to try the hub.
 */
public record StaffKey(String value) implements CredentialCheck {
    private static final String FILE = "staff.key";

    public StaffKey {
        if (value.length() < 16) {
            throw new IllegalArgumentException("a staff key needs at least 16 characters");
        }
    }

    /** A key nobody has been told: staff actions are closed. */
    public static StaffKey random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new StaffKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The key in the data directory, made there on first use. */
    public static StaffKey inDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new StaffKey(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            var key = random();
            Files.createDirectories(dataDir);
            Files.writeString(file, key.value() + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its own access rules
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the staff key " + file, e);
        }
    }

    /** The cataloguing staff, when {@code key} is this one (compared in constant time). */
    @Override
    public Optional<Caller> byKey(String key) {
        boolean same = MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(new Caller.CatalogueStaff()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "StaffKey[****]";
    }
}
