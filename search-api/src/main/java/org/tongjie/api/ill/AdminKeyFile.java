package org.tongjie.api.ill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.tongjie.ill.IllAccounts;

/** The network administrator's first ILL key, written to a file on first start so nothing needs configuring. */
final class AdminKeyFile {
    private AdminKeyFile() {}

    /** A new administrator key in {@code file} (readable by the owner only) unless the file exists. */
    static Optional<String> bootstrap(IllAccounts accounts, Path file) throws IOException {
        if (Files.exists(file)) {
            return Optional.empty();
        }
        String key = accounts.issueAdminKey("bootstrap");
        Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions keeps its own access rules
        }
        return Optional.of(key);
    }
}
