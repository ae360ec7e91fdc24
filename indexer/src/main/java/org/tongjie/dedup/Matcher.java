package org.tongjie.dedup;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.MaterialFormat;

/**
 * Decides whether two records describe the same edition, as a pipeline of explainable steps: conflicts
 * first ({@link Conflicts}: a wrong merge hides a book from readers, so any sign of another edition,
 * volume, carrier, publisher or host keeps records apart), then identifiers (ISBN, ISSN and ISSN-L, then
 * LCCN, national bibliography and 035 system numbers), then, where no identifier decides, title + author +
 * year, title + publisher + year + extent for records without an author, and a serial's key title or title
 * + publisher + first year. A shared identifier is only a candidate: it joins when nothing conflicts.
 */
final class Matcher {
    private static final String ISBN = "isbn";
    private static final String ISSN = "issn";
    private static final String SYSTEM_NUMBER = "system-number";
    private static final String TITLE_AUTHOR_YEAR = "title-author-year";
    private static final String TITLE_PUBLISHER_YEAR_EXTENT = "title-publisher-year-extent";
    private static final String KEY_TITLE = "serial-key-title";
    private static final String SERIAL_TITLE_PUBLISHER = "serial-title-publisher-year";

    private Matcher() {}

    public static MatchDecision compare(BibRecord a, BibRecord b) {
        return compare(MatchKeys.of(a), MatchKeys.of(b));
    }

    static MatchDecision compare(MatchKeys x, MatchKeys y) {
        Optional<String> veto = Conflicts.between(x, y);
        return veto.isPresent() ? MatchDecision.vetoed(veto.get()) : evidence(x, y);
    }

    /** The rule that joins two records already known not to conflict, or no evidence. */
    static MatchDecision evidence(MatchKeys x, MatchKeys y) {
        if (intersect(x.isbns(), y.isbns())) {
            return MatchDecision.joinedBy(ISBN);
        }
        if (intersect(x.issns(), y.issns()) || intersect(x.marks().linkingIssns(), y.marks().linkingIssns())) {
            return MatchDecision.joinedBy(ISSN);
        }
        if (intersect(x.systemNumbers(), y.systemNumbers())) {
            return MatchDecision.joinedBy(SYSTEM_NUMBER);
        }
        if (!intersect(x.titles(), y.titles())) {
            return MatchDecision.noEvidence();
        }
        if (serial(x) && serial(y)) {
            return serialEvidence(x, y);
        }
        if (x.ownYears().isEmpty() || y.ownYears().isEmpty() || !Conflicts.yearsWithin(x.ownYears(), y.ownYears(), 1)) {
            return MatchDecision.noEvidence();
        }
        if (intersect(x.authors(), y.authors())) {
            return MatchDecision.joinedBy(TITLE_AUTHOR_YEAR);
        }
        boolean noAuthor = x.authors().isEmpty() || y.authors().isEmpty();
        if (noAuthor && Conflicts.samePublisher(x.publishers(), y.publishers()) && x.pages().isPresent() && y.pages().isPresent()) {
            return MatchDecision.joinedBy(TITLE_PUBLISHER_YEAR_EXTENT);
        }
        return MatchDecision.noEvidence();
    }

    private static MatchDecision serialEvidence(MatchKeys x, MatchKeys y) {
        if (x.marks().keyTitle().isPresent() && x.marks().keyTitle().equals(y.marks().keyTitle())) {
            return MatchDecision.joinedBy(KEY_TITLE);
        }
        boolean sameStart = !x.ownYears().isEmpty() && x.ownYears().equals(y.ownYears());
        return sameStart && Conflicts.samePublisher(x.publishers(), y.publishers())
                ? MatchDecision.joinedBy(SERIAL_TITLE_PUBLISHER) : MatchDecision.noEvidence();
    }

    static boolean serial(MatchKeys k) {
        return k.format() == MaterialFormat.SERIAL || k.format() == MaterialFormat.ONLINE_SERIAL;
    }

    static boolean intersect(Set<String> a, Set<String> b) {
        return !Collections.disjoint(a, b);
    }
}
