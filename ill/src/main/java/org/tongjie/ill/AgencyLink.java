package org.tongjie.ill;

/** The agency's own id for a hub request (its requestingAgencyRequestId). */
public record AgencyLink(String agencySymbol, String agencyRequestId) {
    public AgencyLink {
        Checks.nonBlank(agencySymbol, "agency symbol");
        Checks.nonBlank(agencyRequestId, "agency request id");
    }
}
