package org.tongjie.ill;

import java.util.Optional;

/**
 * One line of a request's rota: a lender to try (in order), or a copy that was considered and skipped,
 * each with the reason, so staff and readers can see why the request went where it went.
 *
 * @param position 1-based; skipped copies come after the lenders to try
 */
public record RotaEntry(int position, String libraryId, String servicePoint, Optional<String> barcode,
                        Optional<String> location, Optional<String> callNumber, Status status, String reason,
                        Optional<String> outcome) {
    public RotaEntry {
        Checks.nonBlank(libraryId, "rota library id");
        Checks.present(servicePoint, "rota service point");
        Checks.present(barcode, "rota barcode");
        Checks.present(location, "rota location");
        Checks.present(callNumber, "rota call number");
        Checks.present(status, "rota status");
        Checks.nonBlank(reason, "rota reason");
        Checks.present(outcome, "rota outcome");
    }

    public enum Status {
        /** Not asked yet. */
        WAITING,
        /** The lender being asked now. */
        CURRENT,
        /** It said it cannot fill (the outcome says why), or did not answer in time. */
        UNFILLED,
        /** It said it will supply. */
        SUPPLYING,
        /** Never asked: closed, over quota, not lendable or not available. */
        SKIPPED,
        /** Another eligible copy at a library already on the rota: promised instead if that one is taken. */
        SPARE
    }
}
