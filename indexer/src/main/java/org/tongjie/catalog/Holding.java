package org.tongjie.catalog;

import java.util.Objects;
import java.util.Optional;

/** One copy held by a member library, at one of its service points. */
public record Holding(
        String libraryId,
        String servicePoint,
        Optional<String> location,
        Optional<String> callNumber,
        Optional<String> barcode,
        HoldingStatus status) {

    public Holding {
        Objects.requireNonNull(libraryId, "libraryId");
        Objects.requireNonNull(servicePoint, "servicePoint");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(callNumber, "callNumber");
        Objects.requireNonNull(barcode, "barcode");
        Objects.requireNonNull(status, "status");
    }
}
