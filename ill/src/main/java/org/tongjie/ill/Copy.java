package org.tongjie.ill;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One copy as ILL tracks it.
 *
 * @param libraryId    the owner
 * @param requestId    the request it is promised to or lent for
 * @param shelfLibrary where it sits or belongs now: its owner, or the library it floated to
 * @param place        the destination (in transit), the slot (hold shelf, locker) or the reader's library (on loan)
 * @param until        the hold's end or the due date
 */
public record Copy(String libraryId, String barcode, String unionRecordId, CopyState state, OptionalLong requestId,
                   String shelfLibrary, Optional<String> place, Optional<Instant> until, long version) {
    public Copy {
        Checks.nonBlank(libraryId, "copy owner library");
        Checks.nonBlank(barcode, "copy barcode");
        Checks.present(state, "copy state");
        Checks.present(requestId, "copy request");
        Checks.present(place, "copy place");
        Checks.present(until, "copy until");
    }

    /** One move of a copy, for its history. */
    public record Event(long seq, Instant at, String actor, CopyState from, CopyState to, OptionalLong requestId,
                        String shelfLibrary, Optional<String> place, Optional<Instant> until,
                        Optional<String> courier, Optional<String> waybill, Optional<String> note) {}
}
