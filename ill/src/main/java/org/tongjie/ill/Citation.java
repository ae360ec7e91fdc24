package org.tongjie.ill;

import java.util.Optional;

/**
 * What is wanted, fixed when the request is made. It never changes afterwards, so the request and its
 * statistics always refer to what the reader asked for, even if the union record is later merged.
 *
 * @param holding a specific copy, when the reader picked one; empty means any copy of the union record
 * @param volume  the part of a multi-volume work (245 $n/$p: 《三体》 Ⅱ), so queues and pick lists tell them apart
 */
public record Citation(String unionRecordId, String title, Optional<String> author, Optional<String> isbn,
                       Optional<Holding> holding, Optional<String> volume) {
    public Citation {
        Checks.nonBlank(unionRecordId, "citation union record id");
        Checks.nonBlank(title, "citation title");
        Checks.present(author, "citation author");
        Checks.present(isbn, "citation ISBN");
        Checks.present(holding, "citation holding");
        Checks.present(volume, "citation volume");
    }

    /** A citation of a work in one volume. */
    public Citation(String unionRecordId, String title, Optional<String> author, Optional<String> isbn,
                    Optional<Holding> holding) {
        this(unionRecordId, title, author, isbn, holding, Optional.empty());
    }

    /** The title with its volume, as queues and pick lists show it. */
    public String titleWithVolume() {
        return volume.map(v -> title + " " + v).orElse(title);
    }

    /** A citation for any copy of a union record. */
    public static Citation of(String unionRecordId, String title) {
        return new Citation(unionRecordId, title, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** One copy in one member library. */
    public record Holding(String lenderLibraryId, String barcode) {
        public Holding {
            Checks.nonBlank(lenderLibraryId, "holding lender library id");
            Checks.nonBlank(barcode, "holding barcode");
        }
    }
}
