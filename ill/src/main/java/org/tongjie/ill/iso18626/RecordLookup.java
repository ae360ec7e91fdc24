package org.tongjie.ill.iso18626;

import java.util.List;
import java.util.Optional;
import org.tongjie.ill.CandidateHolding;
import org.tongjie.ill.Citation;

/** How an agency's request finds the union record it asks for; the hub's catalogue implements it. */
public interface RecordLookup {
    /** What is asked for and every copy routing may consider. */
    record Match(Citation citation, List<CandidateHolding> holdings) {}

    /** By union record id (or a source record id in one): ISO 18626's supplierUniqueRecordId. */
    Optional<Match> byRecordId(String id);

    /** By ISBN (10 or 13, hyphens or not), from bibliographicItemId. */
    Optional<Match> byIsbn(String isbn);
}
