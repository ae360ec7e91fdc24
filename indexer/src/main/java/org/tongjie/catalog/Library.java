package org.tongjie.catalog;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A member library's entry in the network directory. */
public record Library(
        String id,
        String nameZh,
        String nameEn,
        LibraryKind kind,
        Optional<String> parentId,
        String address,
        Optional<Coordinates> coordinates) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Library {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "library id must be 1-64 lower-case letters, digits or '-', was '" + id + "'");
        }
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(coordinates, "coordinates");
    }
}
