package org.tongjie.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One copy held by a member library, at one of its service points: where it stands (location), the
 * collection it belongs to, its call number and barcode, whether it can be borrowed now, and its loan type
 * (the member's own item type code, e.g. Koha's BK).
 */
public record Holding(
        String libraryId,
        String servicePoint,
        Optional<String> location,
        Optional<String> collection,
        Optional<String> callNumber,
        Optional<String> barcode,
        HoldingStatus status,
        Optional<String> loanType) {

    public Holding {
        Objects.requireNonNull(libraryId, "libraryId");
        Objects.requireNonNull(servicePoint, "servicePoint");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(callNumber, "callNumber");
        Objects.requireNonNull(barcode, "barcode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(loanType, "loanType");
    }
}
