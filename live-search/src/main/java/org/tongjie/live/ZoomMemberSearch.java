package org.tongjie.live;

import java.util.List;
import java.util.Optional;
import org.tongjie.catalog.LiveTarget;
import org.tongjie.search.SearchHit;
import org.tongjie.z3950.FetchedRecord;
import org.tongjie.z3950.Query;
import org.tongjie.z3950.RecordSyntax;
import org.tongjie.z3950.ZoomConnection;
import org.tongjie.z3950.ZoomResultSet;
import org.tongjie.z3950.ZoomTarget;

/** A member's search over Z39.50 with our YAZ binding: the PQF {@link LiveQuery} made, first records fetched. */
final class ZoomMemberSearch implements MemberSearch {
    private final int firstRecords;

    ZoomMemberSearch(int firstRecords) {
        if (firstRecords < 1) {
            throw new IllegalArgumentException("records to fetch per live member must be 1 or more, was " + firstRecords);
        }
        this.firstRecords = firstRecords;
    }

    @Override
    public Found search(String libraryId, LiveTarget target, String pqf) {
        // A connection per search: live members are few and their answers cached, so pooling is not worth its state.
        try (ZoomConnection connection = ZoomConnection.open(zoomTarget(target));
             ZoomResultSet found = connection.search(new Query.Pqf(pqf))) {
            List<SearchHit> hits = found.records(0, firstRecords).stream()
                    .map(FetchedRecord::raw)
                    .flatMap(raw -> LiveHits.hit(libraryId, raw).stream())
                    .toList();
            return new Found(found.size(), hits);
        }
    }

    private static ZoomTarget zoomTarget(LiveTarget target) {
        RecordSyntax syntax = switch (target.syntax()) {
            case USMARC -> RecordSyntax.USMARC;
            case UNIMARC -> RecordSyntax.UNIMARC;
        };
        return new ZoomTarget(target.host(), target.port(), target.database(), syntax, Optional.empty(),
                target.timeout());
    }
}
