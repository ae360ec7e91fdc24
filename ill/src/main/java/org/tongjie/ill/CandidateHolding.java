package org.tongjie.ill;

import java.util.Optional;

/**
 * One copy of the wanted record somewhere in the network, as the catalogue reports it.
 *
 * @param lendable whether the lender's loan type lets it go out on ILL (reference copies do not)
 * @param location shelving location, and {@code callNumber}, for the lender's pick list
 */
public record CandidateHolding(String libraryId, String servicePoint, Optional<String> barcode,
                               Optional<String> location, Optional<String> callNumber, Availability availability,
                               boolean lendable, Optional<String> loanType) {
    public CandidateHolding {
        Checks.nonBlank(libraryId, "holding library id");
        Checks.present(servicePoint, "service point");
        Checks.present(barcode, "barcode");
        Checks.present(location, "location");
        Checks.present(callNumber, "call number");
        Checks.present(availability, "availability");
        Checks.present(loanType, "loan type");
    }

    /** An available, lendable copy with a barcode and shelf mark. */
    public static CandidateHolding available(String libraryId, String barcode, String location, String callNumber) {
        return new CandidateHolding(libraryId, libraryId, Optional.of(barcode), Optional.of(location),
                Optional.of(callNumber), Availability.AVAILABLE, true, Optional.empty());
    }

    public CandidateHolding with(Availability a) {
        return new CandidateHolding(libraryId, servicePoint, barcode, location, callNumber, a, lendable, loanType);
    }

    /** The copy as it sits where it floated to: that library's shelf copy for routing. */
    public CandidateHolding floatedTo(String library) {
        return new CandidateHolding(library, library, barcode, Optional.empty(), callNumber, availability, lendable, loanType);
    }

    public CandidateHolding notLendable(String type) {
        return new CandidateHolding(libraryId, servicePoint, barcode, location, callNumber, availability, false,
                Optional.of(type));
    }
}
