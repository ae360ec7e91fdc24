package org.tongjie.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Record ids are derived from (library, local id) so that re-harvesting a record updates it in place.
 * Local ids carry spaces, slashes and other characters that do not belong in a URL path, so the id is
 * the library id plus a digest of the local id.
 */
final class RecordIds {
    private RecordIds() {}

    static String of(String libraryId, String localId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(localId.getBytes(StandardCharsets.UTF_8));
            return libraryId + "." + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
